using LoadLab.Core.Plans;
using LoadLab.Core.Text;

namespace LoadLab.Core.Simulation;

/// <summary>DynamoDB's service time for one request of an operation kind: the median and the 99th percentile of a lognormal.</summary>
public readonly record struct ServiceTime(TimeSpan Median, TimeSpan P99)
{
    public static ServiceTime Ms(double median, double p99) => new(TimeSpan.FromMilliseconds(median), TimeSpan.FromMilliseconds(p99));
}

/// <summary>
/// The service times a simulation assumes, per operation kind (one request: one page of a query or scan). Plain data,
/// checked once by <see cref="Validate"/> (the <see cref="ServiceTimeModel"/> refuses settings that fail it).
/// <see cref="Default"/> holds LoadLab's assumptions for DynamoDB in a region, seen from the same region: single-digit
/// milliseconds for single items. Sources and reasoning: docs/simulate.md §4.
/// </summary>
public sealed record ServiceTimeSettings(IReadOnlyDictionary<OperationKind, ServiceTime> Kinds)
{
    public static ServiceTimeSettings Default { get; } = new(new Dictionary<OperationKind, ServiceTime>
    {
        [OperationKind.Get] = ServiceTime.Ms(3, 10),
        [OperationKind.Put] = ServiceTime.Ms(5, 15),
        [OperationKind.Update] = ServiceTime.Ms(5, 15),
        [OperationKind.Delete] = ServiceTime.Ms(5, 15),
        [OperationKind.Query] = ServiceTime.Ms(5, 20),
        [OperationKind.Scan] = ServiceTime.Ms(8, 30),
        [OperationKind.BatchGet] = ServiceTime.Ms(8, 25),
        [OperationKind.BatchWrite] = ServiceTime.Ms(10, 30),
        [OperationKind.TransactGet] = ServiceTime.Ms(8, 25),
        [OperationKind.TransactWrite] = ServiceTime.Ms(15, 45),
        [OperationKind.Statement] = ServiceTime.Ms(5, 15),
    });

    /// <summary>These settings with <paramref name="kind"/>'s service time replaced.</summary>
    public ServiceTimeSettings With(OperationKind kind, ServiceTime time) =>
        new(new Dictionary<OperationKind, ServiceTime>(Kinds) { [kind] = time });

    /// <summary>The service times of <paramref name="kinds"/>, one line each, e.g. "get: median 3ms, p99 10ms" (for reports).</summary>
    public IReadOnlyList<string> Describe(IEnumerable<OperationKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return [.. kinds.Distinct().Order().Where(Kinds.ContainsKey)
            .Select(k => $"{OperationKinds.Name(k)}: median {DurationText.Format(Kinds[k].Median)}, p99 {DurationText.Format(Kinds[k].P99)}")];
    }

    /// <summary>Every problem, one line each, naming the operation as suites do; empty when the settings are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var kind in Enum.GetValues<OperationKind>())
        {
            var name = OperationKinds.Name(kind);
            if (!Kinds.TryGetValue(kind, out var time))
            {
                errors.Add($"serviceTime.{name}: missing; give a median and a p99 (e.g. median 5ms, p99 15ms).");
                continue;
            }

            if (time.Median <= TimeSpan.Zero)
                errors.Add($"serviceTime.{name}: the median must be positive (got {DurationText.Format(time.Median)}).");
            if (time.P99 < time.Median)
                errors.Add($"serviceTime.{name}: the p99 ({DurationText.Format(time.P99)}) must be at least the median ({DurationText.Format(time.Median)}).");
        }

        return errors;
    }
}
