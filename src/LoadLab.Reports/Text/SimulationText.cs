using LoadLab.Core.Results;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Text;

/// <summary>
/// How every view says that a run was simulated: one banner for the top of a report and one label for each latency
/// figure, so a modelled millisecond is never read as a measured one.
/// </summary>
public static class SimulationText
{
    /// <summary>" (simulated)" after a latency heading of a simulated run; empty otherwise.</summary>
    public static string LatencySuffix(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Run.Simulation is null ? "" : " (" + SimulationInfo.LatencyLabel + ")";
    }

    /// <summary>The paragraph at the top of a simulated run's report; null for a real run.</summary>
    public static string? Banner(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Run.Simulation is not { } simulation)
            return null;
        return $"Simulated on virtual time: {Seconds(result.Run.DurationSeconds)} of traffic played in {Seconds(simulation.WallSeconds)}, "
            + $"{Count(simulation.Attempts)} attempts; no DynamoDB was called. Capacity units, throttles and their reasons come from the capacity model "
            + "(the same rules as the local target's simulator); latencies are modelled, not measured: a sampled service time per attempt ("
            + string.Join("; ", simulation.ServiceTime) + ") plus the SDK's retry backoff.";
    }
}
