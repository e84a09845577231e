using LoadLab.Core.Results;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Consumed capacity per table and GSI from the capacity simulator's per-second figures, against the provisioned
/// units or the on-demand ceiling it enforced, with the busiest partition against the per-partition limit.
/// </summary>
public static class SimulatorCapacity
{
    /// <summary>
    /// One series per simulated resource. Sections with a window hold the measured window's seconds only, on the run's
    /// time base; older sections counted from the simulator's start (seeding included), so their last second is lined
    /// up with the run's end and seconds before the load are left out.
    /// </summary>
    public static IReadOnlyList<CapacitySeries> From(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Simulator is not { } simulator)
            return [];
        var series = new List<CapacitySeries>();
        foreach (var resource in simulator.Resources.Where(r => r.Seconds.Count > 0))
        {
            double shift = 0;
            if (simulator.Window is null)
            {
                var last = resource.Seconds.MaxBy(s => s.Offset + s.Length)!;
                shift = last.Offset + last.Length - result.Run.DurationSeconds;
            }

            var points = resource.Seconds
                .Where(s => s.Offset - shift >= 0 && s.Length > 0)
                .OrderBy(s => s.Offset)
                .Select(s => new CapacityPoint(
                    s.Offset - shift, s.Length, s.ConsumedRead / s.Length, s.ConsumedWrite / s.Length,
                    s.CapacityRead > 0 ? s.CapacityRead : null, s.CapacityWrite > 0 ? s.CapacityWrite : null, s.Partitions,
                    simulator.Window is null ? null : s.HotPartitionRead, simulator.Window is null ? null : s.HotPartitionWrite))
                .ToArray();
            string scope = resource.Index is null ? resource.Table : resource.Table + "/" + resource.Index;
            string limit = resource.Mode == "provisioned" ? "provisioned" : "on-demand ceiling";
            string note = simulator.Window is null
                ? "From the capacity simulator, per second, lined up on the run's end."
                : "From the capacity simulator, per second of the measured window (seeding and warm-up left out).";
            var keyRange = resource.ThrottleEventsByReason.Where(r => r.Key.Contains("KeyRange", StringComparison.Ordinal))
                .GroupBy(r => r.Key.Contains("Read", StringComparison.Ordinal) ? "read" : "write")
                .ToDictionary(g => g.Key, g => g.Sum(r => r.Value), StringComparer.Ordinal);
            series.Add(new CapacitySeries(scope, points, limit, note,
                resource.PartitionLimitReadUnits > 0 ? resource.PartitionLimitReadUnits : null,
                resource.PartitionLimitWriteUnits > 0 ? resource.PartitionLimitWriteUnits : null,
                keyRange));
        }

        return series;
    }
}
