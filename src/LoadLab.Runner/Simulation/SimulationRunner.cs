using LoadLab.Core.Errors;
using LoadLab.Runner.Planning;
using LoadLab.Runner.Running;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// <c>loadlab simulate</c>: resolves the suite exactly as <c>loadlab run</c> does (one <see cref="ResolvedRun"/>, the
/// same variants, seed, durations, simulator settings and prices), checks that every operation can be simulated, then
/// carries out each variant on virtual time. No target is resolved: nothing is read from SSM, nothing is contacted.
/// </summary>
internal static class SimulationRunner
{
    public static async Task<SuiteOutcome> RunAsync(RunServices services, RunOptions options, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(services);
        var resolved = RunResolver.Resolve(options, services.Time.GetUtcNow(), services.EnvironmentVariables);
        // Every variant is checked before the first one plays: a refusal never leaves half a comparison behind.
        var problems = resolved.Runs.SelectMany(v => SimulatedTarget.Problems(v.Plan, resolved.Simulator)).Distinct().ToArray();
        if (problems.Length > 0)
            throw new InvalidInputException("This suite cannot be simulated yet:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        var orchestrator = new SimulationOrchestrator(services);
        return await new VariantRunner(services, orchestrator.RunAsync).RunAsync(resolved, stop).ConfigureAwait(false);
    }
}
