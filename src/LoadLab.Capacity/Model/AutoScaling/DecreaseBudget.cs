namespace LoadLab.Capacity.Model.AutoScaling;

/// <summary>
/// Decreases made on one table or index (auto scaling and UpdateTable alike), judged by
/// <see cref="DecreaseRule"/>. Counted per resource, not per dimension: one UpdateTable lowering
/// reads and writes together is one decrease [LoadLab] (docs/capacity-model.md §16).
/// </summary>
internal sealed class DecreaseBudget(CapacitySettings settings)
{
    private readonly List<double> decreases = [];

    public bool Allowed(double now) => DecreaseRule.Allowed(settings, decreases, now);

    public double NextAllowed(double now) => DecreaseRule.NextAllowed(settings, decreases, now);

    public int CountToday(double now)
    {
        var dayStart = Math.Floor(now / Time.ModelClock.SecondsPerDay) * Time.ModelClock.SecondsPerDay;
        var count = 0;
        foreach (var at in decreases)
        {
            if (at >= dayStart)
                count++;
        }

        return count;
    }

    public double? Last => decreases.Count > 0 ? decreases[^1] : null;

    public void Record(double now)
    {
        // Only today's entries matter; keep memory bounded over long runs.
        var dayStart = Math.Floor(now / Time.ModelClock.SecondsPerDay) * Time.ModelClock.SecondsPerDay;
        decreases.RemoveAll(at => at < dayStart);
        decreases.Add(now);
    }
}
