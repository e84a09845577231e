using LoadLab.Core.Results;

namespace LoadLab.Reports.Charts;

/// <summary>
/// Consumed capacity per table and GSI from the capacity simulator's per-second figures, against
/// the provisioned units or the on-demand ceiling it enforced, with its partition count.
/// </summary>
public static class SimulatorCapacity
{
    /// <summary>
    /// One series per simulated resource. The simulator counts from its own start (seeding
    /// included); the section is taken when the load ends, so its last second is lined up with the
    /// run's end and seconds before the load are left out.
    /// </summary>
    public static IReadOnlyList<CapacitySeries> From(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Simulator is not { } simulator)
            return [];
        var series = new List<CapacitySeries>();
        foreach (var resource in simulator.Resources.Where(r => r.Seconds.Count > 0))
        {
            var last = resource.Seconds.MaxBy(s => s.Offset + s.Length)!;
            double shift = last.Offset + last.Length - result.Run.DurationSeconds;
            var points = resource.Seconds
                .Where(s => s.Offset - shift >= 0 && s.Length > 0)
                .OrderBy(s => s.Offset)
                .Select(s => new CapacityPoint(
                    s.Offset - shift, s.Length, s.ConsumedRead / s.Length, s.ConsumedWrite / s.Length,
                    s.CapacityRead > 0 ? s.CapacityRead : null, s.CapacityWrite > 0 ? s.CapacityWrite : null, s.Partitions))
                .ToArray();
            string scope = resource.Index is null ? resource.Table : resource.Table + "/" + resource.Index;
            string limit = resource.Mode == "provisioned" ? "provisioned" : "on-demand ceiling";
            series.Add(new CapacitySeries(scope, points, limit, "From the capacity simulator, per second, lined up on the run's end."));
        }

        return series;
    }
}
