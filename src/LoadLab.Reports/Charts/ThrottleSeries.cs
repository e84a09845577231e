using LoadLab.Core.Results;

namespace LoadLab.Reports.Charts;

/// <summary>A rate over one interval: events per second from <see cref="Start"/> for <see cref="Length"/> seconds.</summary>
public readonly record struct RatePoint(double Start, double Length, double PerSecond);

/// <summary>Throttles per second of one reason (e.g. KeyRangeThroughputExceeded) over time.</summary>
public sealed record ReasonSeries(string Reason, IReadOnlyList<RatePoint> Points);

/// <summary>
/// Input of the throttles-over-time chart, independent of where it comes from: the capacity simulator's per-second
/// throttle events by reason in the measured window (<see cref="FromSimulator"/>, exact, batch items included), or the
/// operations' series (<see cref="FromOperations"/>, estimated).
/// </summary>
/// <param name="Scope">What the series covers, e.g. "all scenarios" or a table name.</param>
/// <param name="Note">How the data was obtained, shown under the chart; null when exact.</param>
public sealed record ThrottleSeries(string Scope, IReadOnlyList<ReasonSeries> Reasons, string? Note = null)
{
    public const string UnknownReason = "Unknown";

    public bool IsEmpty => Reasons.All(r => r.Points.All(p => p.PerSecond <= 0));

    /// <summary>Throttle events per second by reason, every table and index together, from the simulator's window seconds; null without a windowed section.</summary>
    public static ThrottleSeries? FromSimulator(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Simulator is not { Window: not null } simulator)
            return null;
        var byOffset = simulator.Resources.SelectMany(r => r.Seconds).Where(s => s.Length > 0).GroupBy(s => s.Offset).OrderBy(g => g.Key)
            .Select(g => (Offset: g.Key, Length: (double)g.Max(s => s.Length), Reasons: g.SelectMany(s => s.ThrottleEventsByReason ?? new Dictionary<string, long>())
                .GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Sum(x => x.Value), StringComparer.Ordinal)))
            .ToList();
        var reasons = byOffset.SelectMany(s => s.Reasons.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(reason => new ReasonSeries(reason, [.. byOffset.Select(s => new RatePoint(s.Offset, s.Length, s.Reasons.GetValueOrDefault(reason) / s.Length))]))
            .ToArray();
        return new ThrottleSeries("capacity simulator, all tables", reasons,
            "Throttle events the capacity simulator counted per second of the measured window, by DynamoDB's reason: every refused attempt and every batch item returned unprocessed, whether or not a retry then succeeded.");
    }

    /// <summary>
    /// Throttled operations per second by reason, from the per-operation series. The series count
    /// throttles per interval but keep reasons only as run totals, so each interval's throttles of
    /// an operation are split in the proportions of that operation's reasons over the run.
    /// </summary>
    public static ThrottleSeries FromOperations(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byReason = new SortedDictionary<string, SortedDictionary<double, (double Length, double Count)>>(StringComparer.Ordinal);
        bool split = false;
        foreach (var op in result.Scenarios.SelectMany(s => s.Operations))
        {
            long total = op.ThrottleReasons.Values.Sum();
            var shares = total > 0
                ? op.ThrottleReasons.Select(r => (r.Key, Share: (double)r.Value / total)).ToArray()
                : [(UnknownReason, 1.0)];
            split |= shares.Length > 1;
            foreach (var point in op.Series)
            {
                if (point.Throttled <= 0) continue;
                foreach (var (reason, share) in shares)
                {
                    if (!byReason.TryGetValue(reason, out var points))
                        byReason[reason] = points = [];
                    points.TryGetValue(point.Start, out var sum);
                    points[point.Start] = (Math.Max(sum.Length, point.Length), sum.Count + (point.Throttled * share));
                }
            }
        }

        // Intervals without throttles are zeros, not gaps: a line must not bridge two bursts.
        var timeline = result.Scenarios.SelectMany(s => s.Operations).SelectMany(o => o.Series)
            .GroupBy(p => p.Start).ToDictionary(g => g.Key, g => g.Max(p => p.Length));
        foreach (var points in byReason.Values)
        {
            foreach (var (start, length) in timeline)
                points.TryAdd(start, (length, 0));
        }

        var reasons = byReason
            .Select(r => new ReasonSeries(r.Key, r.Value.Select(p => new RatePoint(p.Key, p.Value.Length, p.Value.Length > 0 ? p.Value.Count / p.Value.Length : 0)).ToArray()))
            .ToArray();
        string note = "Operations that ended throttled after the SDK's retries, per second." +
            (split ? " Where an operation saw several reasons, each interval is split in the proportions of its reasons over the whole run." : "");
        return new ThrottleSeries("all scenarios", reasons, note);
    }
}
