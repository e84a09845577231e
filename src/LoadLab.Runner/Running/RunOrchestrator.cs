using LoadLab.Runner.Target;
using LoadLab.Core.Errors;
using Amazon.DynamoDBv2;
using LoadLab.Runner.Environments;
using LoadLab.Runner.Lifecycle;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Suites;
using LoadLab.Core.Budgets;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;
using LoadLab.Runner.Tracing;
using LoadLab.Tracing;

namespace LoadLab.Runner.Running;

/// <summary>
/// The pipeline of one run: plan → target → tables → seeding → engine → RunResult → results.json.
/// Every stage honours the stop token; whatever happened is written before returning.
/// </summary>
internal sealed class RunOrchestrator(IRunReporter reporter, TimeProvider time, SafetyServices services)
{
    public Task<RunOutcome> RunAsync(RunOptions options, CancellationToken stop) => RunAsync(options, LoadPlan(options), null, stop);

    /// <summary>Runs an already loaded plan (one variant of a suite, see <see cref="VariantRunner"/>) into <paramref name="reportDirectory"/>.</summary>
    internal async Task<RunOutcome> RunAsync(RunOptions options, RunPlan plan, string? reportDirectory, CancellationToken stop)
    {
        // A shard draws its operations with a seed of its own; the run is still reproduced with the suite's seed.
        long suiteSeed = plan.Seed;
        if (options.Shard is { } shard)
            plan = ShardPlanner.Apply(plan, shard);
        Guard(plan, options);
        // Environment settings (SSM) and the account check come before any target is started or touched.
        var settings = await EnvironmentSetup.ResolveAsync(plan, options.RegionGiven ? options.Region : null, options.Endpoint, services, stop).ConfigureAwait(false);
        options = options with { Region = settings.Region, Endpoint = settings.Endpoint };
        string? account = await EnvironmentSetup.CheckAccountAsync(settings, options.Safety, services, stop).ConfigureAwait(false);
        if (plan.Environment != "local")
            reporter.Info(settings.Environment.Describe(options.Safety.ShowAccount));
        var tracingOptions = TracingSettings.Resolve(options, plan.Tracing, System.Environment.GetEnvironmentVariable);
        string outDirectory = reportDirectory ?? options.OutDirectory ?? Path.Combine("reports", plan.RunId);
        reporter.Info(Formatting.Invariant($"Run {plan.RunId}: suite '{plan.SuiteName}', environment {plan.Environment}, seed {suiteSeed}") +
            (plan.Seed == suiteSeed ? "" : Formatting.Invariant($" (shard {options.Shard!.Index}/{options.Shard.Count} draws its operations from seed {plan.Seed})")));

        await using var target = await TargetSession.OpenAsync(plan.Environment, options.Endpoint, options.Region, SimulatorSetup.Effective(plan.Simulator, options.Simulator), reporter.Info, stop).ConfigureAwait(false);
        using var client = DynamoDbClientFactory.Create(target.Options with { Profile = settings.Profile });
        await TargetSession.CheckReachableAsync(client, target.Options, stop).ConfigureAwait(false);

        var startedAt = time.GetUtcNow();
        var seeding = new List<SeedSummary>();
        var lifecycle = new TableLifecycle(client, plan, reporter.Info);
        IReadOnlyList<PreparedTable> tables = [];
        EngineResult? engineResult = null;
        // A budget with abortAfter stops the engine through its own token, so the run can tell it from Ctrl+C.
        using var monitor = BudgetMonitor.For(plan);
        using var engineStop = CancellationTokenSource.CreateLinkedTokenSource(stop, monitor.AbortToken);
        // Null with --trace off: then nothing of tracing is on the load path. A bad destination only warns.
        var tracing = await TracingSession.StartAsync(tracingOptions, new TraceRunInfo(plan.RunId, plan.SuiteName, plan.Variant), time, reporter.Warn).ConfigureAwait(false);
        try
        {
            // On prod (--allow-prod) tables are only described, never created or seeded.
            bool prod = ProdGuard.IsProd(plan);
            tables = await lifecycle.PrepareAsync(create: !prod, stop).ConfigureAwait(false);
            await SimulatorSetup.ApplyAutoScalingAsync(plan, target, reporter, stop).ConfigureAwait(false);
            if (prod && plan.DataSets.Count > 0)
                reporter.Info("prod: nothing is seeded; data: only tells the scenarios which keys the existing items have.");
            if (!prod)
                await lifecycle.ConfirmReseedAsync(tables, options.Safety.Yes, services.Confirmation, stop).ConfigureAwait(false);
            foreach (var dataSet in prod ? [] : plan.DataSets)
                seeding.Add(await DataSeeding.SeedAsync(client, plan, dataSet, options.Shard?.Keys, time, reporter.Info, stop).ConfigureAwait(false));

            var scenarios = plan.Scenarios.Select(s => CreateScenario(client, plan, s, target.Kind, options.Shard)).ToArray();
            if (tracing is not null)
                scenarios = [.. scenarios.Select(s => s with { Executor = DynamoDbTracing.Wrap(tracing, s.Executor, s.Plan, s.TableName) })];
            var engine = new LoadEngine(time);
            var engineOptions = new EngineOptions
            {
                Seed = plan.Seed,
                Interval = plan.Interval,
                DrainTimeout = plan.DrainTimeout,
                OnInterval = snapshot =>
                {
                    reporter.OnInterval(snapshot);
                    monitor.OnInterval(snapshot);
                },
            };
            reporter.Info($"Running {scenarios.Length} scenario(s) for {Formatting.Duration(LoadEngine.PlannedDuration(plan.Scenarios))}");
            await WaitForStartAsync(options.Shard, stop).ConfigureAwait(false);
            tracing?.MarkLoadStart();
            engineResult = await reporter.ShowWhileAsync(() => engine.RunAsync(scenarios, engineOptions, engineStop.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            reporter.Warn("Interrupted before the load started; writing what was done.");
        }

        var abort = monitor.Abort;
        if (abort is not null)
            reporter.Warn(Formatting.Invariant($"Stopped the run at {abort.AtSeconds:0.#} s: budget {abort.Budget} was broken for {abort.BrokenForSeconds:0.#} s, longer than its abortAfter grace."));
        var result = Assemble(plan, target, startedAt, seeding, engineResult, stop.IsCancellationRequested, abort);
        result = result with
        {
            Tables = await lifecycle.FinishAsync(tables, options.Safety.Teardown, reporter.Warn).ConfigureAwait(false),
            Run = result.Run with { AccountId = options.Safety.ShowAccount ? account : null },
        };
        if (options.Shard is { } shardOptions)
            result = result with { Run = result.Run with { Shard = ShardPlanner.Describe(plan, shardOptions) } };
        result = result with { Budgets = BudgetEvaluator.Evaluate(result, plan.Budgets, abort) };
        result = result with { Cost = Core.Cost.RunCostCalculator.Estimate(result, [.. plan.Tables.Select(Core.Cost.TableCapacity.From)], options.Prices) };
        if (tracing is not null)
        {
            var traced = await tracing.CompleteAsync().ConfigureAwait(false);
            reporter.Info(TracingSession.Describe(traced));
            result = tracing.Apply(result, traced);
        }

        // Written even when interrupted: partial results are still results.
        var written = await Reports.Exporters.ReportWriter.WriteAllAsync(result, outDirectory, CancellationToken.None).ConfigureAwait(false);
        var verdict = result.Run.Interrupted ? RunVerdict.Interrupted : result.BudgetsPassed ? RunVerdict.Passed : RunVerdict.BudgetFailed;
        return new RunOutcome(result, written[0], written, verdict);
    }

    /// <summary>With --start-at, every shard starts its load at the same wall-clock time.</summary>
    private async Task WaitForStartAsync(ShardOptions? shard, CancellationToken stop)
    {
        if (shard?.StartAt is not { } startAt) return;
        var wait = startAt - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            reporter.Warn($"--start-at {startAt:O} has passed; starting now.");
            return;
        }

        reporter.Info($"Waiting {Formatting.Duration(wait)} for the common start at {startAt:O}");
        await Task.Delay(wait, time, stop).ConfigureAwait(false);
    }

    internal RunPlan LoadPlan(RunOptions options)
    {
        var runId = RunIds.New(Path.GetFileNameWithoutExtension(options.SuitePath), time.GetUtcNow());
        return SuiteLoader.Load(options.SuitePath, new SuiteLoadOptions
        {
            RunId = runId,
            DurationScale = options.DurationScale,
            SeedOverride = options.Seed,
            EnvironmentOverride = options.Environment,
        });
    }

    // Prod (--allow-prod: reads only), table prefixes and --max-cost: refused before anything starts (Safety/).
    private void Guard(RunPlan plan, RunOptions options)
    {
        var cost = PlanGuards.CheckRun(plan, options.Safety);
        if (options.Safety.MaxCostDollars is { } limit)
            reporter.Info(Formatting.Invariant($"Planned on-demand cost ${cost.TotalDollars:0.####} (--max-cost ${limit:0.####})"));
        if (plan.Environment != "local" && options.Endpoint is null && plan.DataSets.Count > 0 && !ProdGuard.IsProd(plan))
            reporter.Warn($"Environment {plan.Environment}: tables will be created and seeded in AWS with the SDK's default credentials (or the environment's profile).");
    }

    private EngineScenario CreateScenario(IAmazonDynamoDB client, RunPlan plan, ScenarioPlan scenario, string targetKind, ShardOptions? shard)
    {
        var table = plan.Table(scenario.TableId);
        var dataSet = plan.DataSets.FirstOrDefault(d => d.TableId == scenario.TableId)
            ?? throw new InvalidInputException($"Scenario '{scenario.Name}' targets table '{scenario.TableId}', which has no data set: add one under data: so operations have keys to use.");
        // The local target (dynalite) lacks transactions: the executor says so before any request.
        var driverOptions = new DriverOptions
        {
            Target = plan.Environment == "local" && targetKind == "local" ? TargetCapabilities.Dynalite : TargetCapabilities.DynamoDb,
            Shard = shard?.Keys ?? Core.Keys.KeyShard.Whole,
        };
        DynamoDbOperationExecutor executor;
        try
        {
            executor = new DynamoDbOperationExecutor(client, scenario, table, dataSet, DataModels.For(dataSet), plan.Seed, time, driverOptions);
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException($"Scenario '{scenario.Name}': {e.Message}");
        }

        foreach (var warning in executor.Warnings)
            reporter.Warn($"{scenario.Name}: {warning}");
        return new EngineScenario(scenario, executor, table.Name);
    }

    private RunResult Assemble(RunPlan plan, TargetSession target, DateTimeOffset startedAt, IReadOnlyList<SeedSummary> seeding, EngineResult? engine, bool interrupted, BudgetAbort? abort) => new()
    {
        Run = new RunInfo
        {
            RunId = plan.RunId,
            Suite = plan.SuiteName,
            Variant = plan.Variant,
            SuiteFile = plan.SuitePath,
            Environment = plan.Environment,
            Seed = plan.Seed,
            StartedAt = engine?.StartedAt ?? startedAt,
            EndedAt = engine?.EndedAt ?? time.GetUtcNow(),
            DurationSeconds = engine?.DurationSeconds ?? 0,
            DurationScale = plan.DurationScale,
            // A budget abort also stops the engine early, but it is a verdict (exit 1), not an interruption (130).
            Interrupted = interrupted || engine is null || (engine.Interrupted && abort is null),
            Machine = MachineInfo.Current(),
            Target = target.Describe(),
        },
        Scenarios = engine?.Scenarios ?? [],
        Seeding = seeding,
        Findings = engine is null ? [] : [.. Findings.From(engine.Scenarios), .. AbortFinding(abort)],
        Simulator = target.SimulatorSection(),
    };

    private static IEnumerable<string> AbortFinding(BudgetAbort? abort)
    {
        if (abort is not null)
            yield return Formatting.Invariant($"The run was stopped at {abort.AtSeconds:0.#} s because budget {abort.Budget} stayed broken for longer than its abortAfter grace; the results cover the part that ran.");
    }
}

/// <summary>What the run command reports back to Program.</summary>
internal sealed record RunOutcome(RunResult Result, string ResultsPath, IReadOnlyList<string> Written, RunVerdict Verdict);
