using Amazon.DynamoDBv2;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Suites;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;

namespace LoadLab.Cli.Running;

/// <summary>
/// The pipeline of one run: plan → target → tables → seeding → engine → RunResult → results.json.
/// Every stage honours the stop token; whatever happened is written before returning.
/// </summary>
internal sealed class RunOrchestrator(RunReporter reporter, TimeProvider time)
{
    public async Task<RunOutcome> RunAsync(RunOptions options, CancellationToken stop)
    {
        var plan = LoadPlan(options);
        Guard(plan, options);
        string outDirectory = options.OutDirectory ?? Path.Combine("reports", plan.RunId);
        reporter.Info($"Run {plan.RunId}: suite '{plan.SuiteName}', environment {plan.Environment}, seed {plan.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}");

        await using var target = await TargetSession.OpenAsync(plan.Environment, options.Endpoint, options.Region, reporter.Info, stop).ConfigureAwait(false);
        using var client = DynamoDbClientFactory.Create(target.Options);
        await TargetSession.CheckReachableAsync(client, target.Options, stop).ConfigureAwait(false);

        var startedAt = time.GetUtcNow();
        var seeding = new List<SeedSummary>();
        EngineResult? engineResult = null;
        try
        {
            foreach (var table in plan.Tables)
            {
                bool created = await EnsureTableAsync(client, table, stop).ConfigureAwait(false);
                reporter.Info(created ? $"Created table {table.Name}" : $"Using existing table {table.Name}");
            }

            foreach (var dataSet in plan.DataSets)
                seeding.Add(await SeedAsync(client, plan, dataSet, stop).ConfigureAwait(false));

            var scenarios = plan.Scenarios.Select(s => CreateScenario(client, plan, s)).ToArray();
            var engine = new LoadEngine(time);
            var engineOptions = new EngineOptions
            {
                Seed = plan.Seed,
                Interval = plan.Interval,
                DrainTimeout = plan.DrainTimeout,
                OnInterval = reporter.Progress.OnInterval,
            };
            reporter.Info($"Running {scenarios.Length} scenario(s) for {Formatting.Duration(LoadEngine.PlannedDuration(plan.Scenarios))}");
            engineResult = await reporter.Progress.ShowWhileAsync(() => engine.RunAsync(scenarios, engineOptions, stop)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            reporter.Warn("Interrupted before the load started; writing what was done.");
        }

        var result = Assemble(plan, target, startedAt, seeding, engineResult, stop.IsCancellationRequested);
        // Written even when interrupted: partial results are still results.
        var written = await Reports.Exporters.ReportWriter.WriteAllAsync(result, outDirectory, CancellationToken.None).ConfigureAwait(false);
        int exit = result.Run.Interrupted ? ExitCodes.Interrupted : result.BudgetsPassed ? ExitCodes.Ok : ExitCodes.BudgetFailed;
        return new RunOutcome(result, written[0], written, exit);
    }

    private RunPlan LoadPlan(RunOptions options)
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

    private async Task<SeedSummary> SeedAsync(IAmazonDynamoDB client, RunPlan plan, DataSetPlan dataSet, CancellationToken stop)
    {
        var table = plan.Table(dataSet.TableId);
        var model = DataModels.Get(dataSet.Model);
        reporter.Info($"Seeding {dataSet.Items:N0} {dataSet.Model} items into {table.Name}…");
        var result = await Seeder.SeedAsync(client, table, dataSet, model, new SeedOptions(), stop).ConfigureAwait(false);
        double seconds = result.Elapsed.TotalSeconds;
        reporter.Info(Formatting.Invariant($"Seeded {result.ItemsWritten:N0} items in {seconds:0.0}s ({result.ItemsWritten / Math.Max(seconds, 1e-9):N0} items/s, {result.UnprocessedRetries} unprocessed retries)"));
        return new SeedSummary(table.Name, dataSet.Model, result.ItemsWritten, result.Batches, result.UnprocessedRetries, Math.Round(seconds, 3));
    }

    private EngineScenario CreateScenario(IAmazonDynamoDB client, RunPlan plan, ScenarioPlan scenario)
    {
        var table = plan.Table(scenario.TableId);
        var dataSet = plan.DataSets.FirstOrDefault(d => d.TableId == scenario.TableId)
            ?? throw new UserFacingException(ExitCodes.InvalidInput, $"Scenario '{scenario.Name}' targets table '{scenario.TableId}', which has no data set: add one under data: so operations have keys to use.");
        var executor = new DynamoDbOperationExecutor(client, scenario, table, dataSet, DataModels.Get(dataSet.Model), plan.Seed, time);
        return new EngineScenario(scenario, executor, table.Name);
    }

    private RunResult Assemble(RunPlan plan, TargetSession target, DateTimeOffset startedAt, IReadOnlyList<SeedSummary> seeding, EngineResult? engine, bool interrupted) => new()
    {
        Run = new RunInfo
        {
            RunId = plan.RunId,
            Suite = plan.SuiteName,
            SuiteFile = plan.SuitePath,
            Environment = plan.Environment,
            Seed = plan.Seed,
            StartedAt = engine?.StartedAt ?? startedAt,
            EndedAt = engine?.EndedAt ?? time.GetUtcNow(),
            DurationSeconds = engine?.DurationSeconds ?? 0,
            DurationScale = plan.DurationScale,
            Interrupted = interrupted || (engine?.Interrupted ?? true),
            Machine = MachineInfo.Current(),
            Target = target.Describe(),
        },
        Scenarios = engine?.Scenarios ?? [],
        Seeding = seeding,
        Findings = engine is null ? [] : Findings.From(engine.Scenarios),
    };
}

/// <summary>What the run command reports back to Program.</summary>
internal sealed record RunOutcome(RunResult Result, string ResultsPath, IReadOnlyList<string> Written, int ExitCode);
