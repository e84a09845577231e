using Amazon.DynamoDBv2;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Suites;
using LoadLab.Core.Budgets;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;
using LoadLab.DynamoDb.Tracing;
using LoadLab.Tracing;

namespace LoadLab.Cli.Running;

/// <summary>
/// The pipeline of one run: plan → target → tables → seeding → engine → RunResult → results.json.
/// Every stage honours the stop token; whatever happened is written before returning.
/// </summary>
internal sealed class RunOrchestrator(RunReporter reporter, TimeProvider time)
{
    public Task<RunOutcome> RunAsync(RunOptions options, CancellationToken stop) => RunAsync(options, LoadPlan(options), null, stop);

    /// <summary>Runs an already loaded plan (one variant of a suite, see <see cref="VariantRunner"/>) into <paramref name="reportDirectory"/>.</summary>
    internal async Task<RunOutcome> RunAsync(RunOptions options, RunPlan plan, string? reportDirectory, CancellationToken stop)
    {
        if (options.Shard is { } shard)
            plan = ShardPlanner.Apply(plan, shard);
        Guard(plan, options);
        var tracingOptions = TracingSettings.Resolve(options, plan.Tracing, System.Environment.GetEnvironmentVariable);
        string outDirectory = reportDirectory ?? options.OutDirectory ?? Path.Combine("reports", plan.RunId);
        reporter.Info($"Run {plan.RunId}: suite '{plan.SuiteName}', environment {plan.Environment}, seed {plan.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        await using var target = await TargetSession.OpenAsync(plan.Environment, options.Endpoint, options.Region, SimulatorSetup.Effective(plan.Simulator, options.Simulator), reporter.Info, stop).ConfigureAwait(false);
        using var client = DynamoDbClientFactory.Create(target.Options);
        await TargetSession.CheckReachableAsync(client, target.Options, stop).ConfigureAwait(false);

        var startedAt = time.GetUtcNow();
        var seeding = new List<SeedSummary>();
        EngineResult? engineResult = null;
        // A budget with abortAfter stops the engine through its own token, so the run can tell it from Ctrl+C.
        using var monitor = BudgetMonitor.For(plan);
        using var engineStop = CancellationTokenSource.CreateLinkedTokenSource(stop, monitor.AbortToken);
        // Null with --trace off: then nothing of tracing is on the load path. A bad destination only warns.
        var tracing = await TracingSession.StartAsync(tracingOptions, new TraceRunInfo(plan.RunId, plan.SuiteName, plan.Variant), time, reporter.Warn).ConfigureAwait(false);
        try
        {
            foreach (var table in plan.Tables)
            {
                bool created = await EnsureTableAsync(client, table, stop).ConfigureAwait(false);
                reporter.Info(created ? $"Created table {table.Name}" : $"Using existing table {table.Name}");
            }

            await SimulatorSetup.ApplyAutoScalingAsync(plan, target, reporter, stop).ConfigureAwait(false);

            foreach (var dataSet in plan.DataSets)
                seeding.Add(await SeedAsync(client, plan, dataSet, options.Shard, stop).ConfigureAwait(false));

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
                    reporter.Progress.OnInterval(snapshot);
                    monitor.OnInterval(snapshot);
                },
            };
            reporter.Info($"Running {scenarios.Length} scenario(s) for {Formatting.Duration(LoadEngine.PlannedDuration(plan.Scenarios))}");
            await WaitForStartAsync(options.Shard, stop).ConfigureAwait(false);
            tracing?.MarkLoadStart();
            engineResult = await reporter.Progress.ShowWhileAsync(() => engine.RunAsync(scenarios, engineOptions, engineStop.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            reporter.Warn("Interrupted before the load started; writing what was done.");
        }

        var abort = monitor.Abort;
        if (abort is not null)
            reporter.Warn(Formatting.Invariant($"Stopped the run at {abort.AtSeconds:0.#} s: budget {abort.Budget} was broken for {abort.BrokenForSeconds:0.#} s, longer than its abortAfter grace."));
        var result = Assemble(plan, target, startedAt, seeding, engineResult, stop.IsCancellationRequested, abort);
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
        int exit = result.Run.Interrupted ? ExitCodes.Interrupted : result.BudgetsPassed ? ExitCodes.Ok : ExitCodes.BudgetFailed;
        return new RunOutcome(result, written[0], written, exit);
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

    // The full guards (prefixes, accounts, --allow-prod read-only runs) come with the environments
    // issue; until then a suite aimed at production is refused outright, whatever it contains.
    private void Guard(RunPlan plan, RunOptions options)
    {
        if (plan.Environment == "prod")
            throw new UserFacingException(ExitCodes.InvalidInput, "Refusing to run against prod: LoadLab does not load-test production. Use --env staging (tables stg_…) or --env local.");
        if (plan.Environment != "local" && options.Endpoint is null && plan.DataSets.Count > 0)
            reporter.Warn($"Environment {plan.Environment}: tables will be created and seeded in AWS region {options.Region} with the SDK's default credentials.");
    }

    private static async Task<bool> EnsureTableAsync(IAmazonDynamoDB client, TablePlan table, CancellationToken stop)
    {
        try
        {
            return await TableProvisioner.EnsureTableAsync(client, table, stop).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            // An existing table whose keys differ from the suite's: nothing was changed.
            throw new UserFacingException(ExitCodes.CannotRun, e.Message);
        }
    }

    private async Task<SeedSummary> SeedAsync(IAmazonDynamoDB client, RunPlan plan, DataSetPlan dataSet, ShardOptions? shard, CancellationToken stop)
    {
        var table = plan.Table(dataSet.TableId);
        var model = DataModels.For(dataSet);
        var keys = shard?.Keys ?? Core.Keys.KeyShard.Whole;
        long items = keys.SliceOf(dataSet.Items).Count;
        string part = keys.Count == 1 ? "" : $" (shard {keys.Index}/{keys.Count}: items {keys.SliceOf(dataSet.Items)} of {dataSet.Items:N0})";
        reporter.Info($"Seeding {items:N0} {dataSet.Model} items into {table.Name}{part}…");
        var progress = new SeedProgress(table.Name, items, time, reporter.Info);
        var result = await Seeder.SeedAsync(client, table, dataSet, model, new SeedOptions { Shard = keys, Progress = progress }, stop).ConfigureAwait(false);
        double seconds = result.Elapsed.TotalSeconds;
        reporter.Info(Formatting.Invariant($"Seeded {result.ItemsWritten:N0} items in {seconds:0.0}s ({result.ItemsWritten / Math.Max(seconds, 1e-9):N0} items/s, {result.UnprocessedRetries} unprocessed retries)"));
        return new SeedSummary(table.Name, dataSet.Model, result.ItemsWritten, result.Batches, result.UnprocessedRetries, Math.Round(seconds, 3));
    }

    private EngineScenario CreateScenario(IAmazonDynamoDB client, RunPlan plan, ScenarioPlan scenario, string targetKind, ShardOptions? shard)
    {
        var table = plan.Table(scenario.TableId);
        var dataSet = plan.DataSets.FirstOrDefault(d => d.TableId == scenario.TableId)
            ?? throw new UserFacingException(ExitCodes.InvalidInput, $"Scenario '{scenario.Name}' targets table '{scenario.TableId}', which has no data set: add one under data: so operations have keys to use.");
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
            throw new UserFacingException(ExitCodes.InvalidInput, $"Scenario '{scenario.Name}': {e.Message}");
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
internal sealed record RunOutcome(RunResult Result, string ResultsPath, IReadOnlyList<string> Written, int ExitCode);
