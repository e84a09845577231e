using LoadLab.Core.Results;

namespace LoadLab.Reports.Charts;

/// <summary>Capacity units per second over one interval, with the limit in force when known.</summary>
/// <param name="ReadLimit">Provisioned (or simulated ceiling) read units per second; null when unknown or unlimited.</param>
/// <param name="Partitions">Partitions of the table in this interval, when the capacity simulator reports them.</param>
/// <param name="HotPartitionRead">Read units the busiest partition consumed in the interval (simulator only).</param>
public sealed record CapacityPoint(
    double Start,
    double Length,
    double ReadUnitsPerSecond,
    double WriteUnitsPerSecond,
    double? ReadLimit = null,
    double? WriteLimit = null,
    int? Partitions = null,
    double? HotPartitionRead = null,
    double? HotPartitionWrite = null);

/// <summary>
/// Input of the consumed-capacity charts for one table or index, independent of where it comes from: the capacity
/// simulator's per-second figures of the measured window (<see cref="SimulatorCapacity"/>), or an estimate from the
/// operations' consumed units (<see cref="FromOperations"/>).
/// </summary>
/// <param name="Scope">The table (or index) the points describe.</param>
/// <param name="LimitLabel">What the limit lines are called, e.g. "provisioned" or "on-demand ceiling".</param>
/// <param name="Note">How the data was obtained, shown under the chart; null when exact.</param>
/// <param name="PartitionLimitRead">One partition's (and one key's) read limit per second, when known (simulator).</param>
/// <param name="KeyRangeThrottles">Throttle events at the partition or key limit in the window, by dimension ("read"/"write").</param>
public sealed record CapacitySeries(
    string Scope,
    IReadOnlyList<CapacityPoint> Points,
    string LimitLabel = "provisioned",
    string? Note = null,
    double? PartitionLimitRead = null,
    double? PartitionLimitWrite = null,
    IReadOnlyDictionary<string, long>? KeyRangeThrottles = null)
{
    public bool IsEmpty => Points.All(p => p.ReadUnitsPerSecond <= 0 && p.WriteUnitsPerSecond <= 0);

    /// <summary>
    /// Consumed read/write units per second per table, from the operations. The result keeps each
    /// operation's consumed units as a run total only, so each interval gets the operation's
    /// average units per completed call times the calls completed in it.
    /// </summary>
    public static IReadOnlyList<CapacitySeries> FromOperations(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var byTable = new SortedDictionary<string, SortedDictionary<double, (double Length, double Read, double Write)>>(StringComparer.Ordinal);
        foreach (var scenario in result.Scenarios)
        {
            if (!byTable.TryGetValue(scenario.Table, out var points))
                byTable[scenario.Table] = points = [];
            foreach (var op in scenario.Operations)
            {
                if (op.Completed <= 0) continue;
                double readPerCall = op.ReadUnits / op.Completed;
                double writePerCall = op.WriteUnits / op.Completed;
                foreach (var p in op.Series)
                {
                    points.TryGetValue(p.Start, out var sum);
                    points[p.Start] = (Math.Max(sum.Length, p.Length), sum.Read + (readPerCall * p.Completed), sum.Write + (writePerCall * p.Completed));
                }
            }
        }

        const string note = "Estimated: each operation's consumed units over the run (DynamoDB's ConsumedCapacity) spread over the calls it completed per interval.";
        return byTable
            .Select(t => new CapacitySeries(
                t.Key,
                t.Value.Select(p => new CapacityPoint(p.Key, p.Value.Length, PerSecond(p.Value.Read, p.Value.Length), PerSecond(p.Value.Write, p.Value.Length))).ToArray(),
                Note: note))
            .ToArray();
    }

    private static double PerSecond(double units, double seconds) => seconds > 0 ? units / seconds : 0;
}
