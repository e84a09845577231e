using LoadLab.Capacity.Model.Time;

namespace LoadLab.Capacity.Model.AutoScaling;

/// <summary>
/// The provisioned-throughput decrease quota (ServiceQuotas; docs/capacity-model.md §16), as a pure function: up to 4
/// decreases in the first hour of a UTC day, afterwards one more whenever the previous hour had
/// none, at most 27 a day. Times are model seconds (midnight-aligned, so "UTC day" is a division).
/// </summary>
internal static class DecreaseRule
{
    public static bool Allowed(CapacitySettings settings, IReadOnlyList<double> decreases, double now) =>
        NextAllowed(settings, decreases, now) <= now;

    /// <summary>The earliest time from <paramref name="now"/> on when a decrease is allowed (+∞ if none today or later).</summary>
    public static double NextAllowed(CapacitySettings settings, IReadOnlyList<double> decreases, double now)
    {
        var dayStart = Math.Floor(now / ModelClock.SecondsPerDay) * ModelClock.SecondsPerDay;
        var today = 0;
        var last = double.NegativeInfinity;
        foreach (var at in decreases)
        {
            if (at < dayStart || at > now)
                continue;
            today++;
            last = Math.Max(last, at);
        }

        var nextDay = dayStart + ModelClock.SecondsPerDay;
        if (today >= settings.DecreasesPerDay)
            return nextDay;
        var firstHourEnds = dayStart + 3600;
        if (now < firstHourEnds && today < settings.DecreasesInFirstHour)
            return now;
        var afterInterval = last + settings.DecreaseInterval.TotalSeconds;
        var next = Math.Max(now, Math.Max(firstHourEnds, afterInterval));
        return next < nextDay ? next : nextDay;
    }
}
