using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.Runner.Environments;
using LoadLab.Runner.Metrics;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Suites;
using LoadLab.Runner.Target;
using LoadLab.Runner.Tracing;

namespace LoadLab.Runner.Planning;

/// <summary>
/// Turns a suite, its environments and the command line into one <see cref="ResolvedRun"/>, in two steps: what needs
/// nothing but the files (<see cref="Resolve"/>: plan, variants, shard slice, simulator, prices, tracing, cost over
/// the whole run), then where it goes (<see cref="ResolveTargetAsync"/>: ssm: values and the account). The guards
/// (<see cref="CheckRun"/>) refuse in between, before a target is started or a table touched.
/// </summary>
internal static class RunResolver
{
    /// <exception cref="InvalidInputException">The suite or an option is not usable.</exception>
    public static ResolvedRun Resolve(RunOptions options, DateTimeOffset now, Func<string, string?> environmentVariables)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environmentVariables);
        var suite = SuiteLoader.Load(options.SuitePath, new SuiteLoadOptions
        {
            RunId = RunIds.New(Path.GetFileNameWithoutExtension(options.SuitePath), now),
            DurationScale = options.DurationScale,
            SeedOverride = options.Seed,
            EnvironmentOverride = options.Environment,
        });
        string outDirectory = options.OutDirectory ?? Path.Combine("reports", suite.RunId);
        var runs = suite.Variants.Count == 0
            ? [new ResolvedVariant(null, Sliced(suite, options.Shard), outDirectory)]
            : suite.Variants.Select(v => new ResolvedVariant(v, Sliced(v.Plan, options.Shard), Path.Combine(outDirectory, v.Name))).ToArray();

        // Prices: the defaults, then the suite's simulator overrides and --simulator, then --prices.
        var simulatorOptions = SimulatorSetup.Effective(suite.Simulator, options.Simulator);
        var prices = PriceOptions.Apply(SimulatorSetup.Settings(simulatorOptions).Prices, options.PriceOverrides);
        var simulator = SimulatorSetup.Settings(simulatorOptions, prices);

        var cost = CostEstimate.Combine([.. runs.Select(r => (r.Name, CostEstimator.Estimate(r.Plan, prices)))]);

        return new ResolvedRun
        {
            Suite = suite,
            Runs = runs,
            OutDirectory = outDirectory,
            Simulator = simulator,
            Prices = prices,
            Tracing = TracingSettings.Resolve(options, suite.Tracing, environmentVariables),
            Metrics = MetricsSettings.Resolve(options.Metrics, options.MetricsInterval, suite.Metrics, environmentVariables),
            Safety = options.Safety,
            Shard = options.Shard,
            PlannedCost = cost,
        };
    }

    /// <summary>
    /// The guards of <c>loadlab run</c>: prod rules and table prefixes for every variant, and --max-cost for every
    /// variant and this shard slice together, so a limit holds for what the command will really spend.
    /// </summary>
    /// <exception cref="InvalidInputException">A guard refuses the run; nothing was touched.</exception>
    public static void CheckRun(ResolvedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var variant in run.Runs)
            PlanGuards.CheckRun(variant.Plan, run.Safety);
        CostGuard.Check(run.PlannedCost, run.Safety.MaxCostDollars);
    }

    /// <summary>Reads the environment's ssm: values, applies --region and --endpoint over them and checks the account.</summary>
    /// <exception cref="InvalidInputException">A value read from SSM is not usable.</exception>
    /// <exception cref="CannotRunException">SSM cannot be read, or the credentials belong to another account.</exception>
    public static async Task<ResolvedRun> ResolveTargetAsync(ResolvedRun run, RunOptions options, SafetyServices services, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var target = await EnvironmentSetup.ResolveAsync(run.Suite, options.RegionGiven ? options.Region : null, options.Endpoint, services, stop).ConfigureAwait(false);
        string? account = await EnvironmentSetup.CheckAccountAsync(target, run.Safety, services, stop).ConfigureAwait(false);
        return run with
        {
            Target = target,
            AccountId = account,
            Simulator = run.Simulator with { Region = target.Region },
            Tracing = run.Tracing with { Region = target.Region },
        };
    }

    private static RunPlan Sliced(RunPlan plan, ShardOptions? shard) => shard is null ? plan : ShardPlanner.Apply(plan, shard);
}
