using LoadLab.Runner.Planning;
using LoadLab.Runner.Running;
using LoadLab.Runner.Suites;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// <c>loadlab simulate</c>: resolves the suite exactly as <c>loadlab run</c> does (one <see cref="ResolvedRun"/>, the
/// same variants, seed, durations, simulator settings and prices), checks that every operation can be simulated, then
/// carries out each variant on virtual time. No target is resolved: nothing is read from SSM, nothing is contacted.
/// </summary>
internal static class SimulationRunner
{
    /// <exception cref="SuiteLoadException">The suite is invalid, or has operations simulate does not carry out (with their positions).</exception>
    public static async Task<SuiteOutcome> RunAsync(RunServices services, RunOptions options, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var resolved = RunResolver.Resolve(options, services.Time.GetUtcNow(), services.EnvironmentVariables);
        // Every variant is checked before the first one plays: a refusal never leaves half a comparison (or a folder) behind.
        Check(resolved, options.SuitePath);
        var orchestrator = new SimulationOrchestrator(services);
        return await new VariantRunner(services, orchestrator.RunAsync).RunAsync(resolved, stop).ConfigureAwait(false);
    }

    /// <summary>Refuses a run with operations simulate does not carry out, each at its place in the suite file.</summary>
    /// <param name="suite">The suite file as the user named it (errors name it so).</param>
    /// <exception cref="SuiteLoadException">Some operation or scenario cannot be simulated.</exception>
    internal static void Check(ResolvedRun resolved, string suite)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        var found = resolved.Runs
            .SelectMany(run => SimulatedTarget.Problems(run.Plan, resolved.Simulator).Select(problem => (Problem: problem, Variant: run.Name)))
            .GroupBy(p => p.Problem)
            .ToArray();
        if (found.Length == 0)
            return;
        var positions = SuitePositions.Read(suite);
        var errors = found.Select(group =>
        {
            var problem = group.Key;
            // A problem that only some variants have (a variant's index or key design) says which.
            var variants = group.Select(p => p.Variant).OfType<string>().Distinct().ToArray();
            string message = variants.Length > 0 && variants.Length < resolved.Runs.Count
                ? $"{problem.Message} (variant{(variants.Length == 1 ? "" : "s")} {string.Join(", ", variants)})"
                : problem.Message;
            return problem.Operation is { } index
                ? positions.AtOperation(problem.Scenario, index, message)
                : positions.AtScenario(problem.Scenario, message);
        });
        throw new SuiteLoadException(suite, [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)], "cannot be simulated yet", SimulatedTarget.Fix(suite));
    }
}
