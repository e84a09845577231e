using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using LoadLab.Runner.Planning;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// What <c>loadlab plan</c> says about <c>loadlab simulate</c>: a load that takes longer than <see cref="LongLoad"/>
/// of real time ties a machine up for that long, while simulate plays it on virtual time in seconds to minutes.
/// Said only when simulate can carry the suite out; otherwise its refusal would be the next thing the user meets.
/// </summary>
internal static class SimulationAdvice
{
    /// <summary>A load at least this long in real time (all variants, one after the other) is worth simulating first.</summary>
    public static readonly TimeSpan LongLoad = TimeSpan.FromHours(1);

    /// <param name="suite">The suite file as the user named it, for the command to copy.</param>
    /// <returns>One line of advice, or null when the load is short or simulate cannot carry it out.</returns>
    public static string? For(ResolvedRun resolved, string suite)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var load = resolved.Runs.Aggregate(TimeSpan.Zero, (sum, run) => sum + LoadEngine.PlannedDuration(run.Plan.Scenarios));
        if (load < LongLoad || resolved.Runs.Any(run => SimulatedTarget.Problems(run.Plan, resolved.Simulator).Count > 0))
            return null;
        return $"The load lasts {Formatting.Duration(load)} of real time{(resolved.Runs.Count > 1 ? " (all variants)" : "")}: "
            + $"'loadlab simulate {suite}' plays it through the capacity model on virtual time in a fraction of that, with no DynamoDB "
            + "(units, throttles and cost from the model; latencies modelled), or --duration-scale shortens it.";
    }
}
