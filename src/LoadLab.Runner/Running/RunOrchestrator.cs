using Amazon.DynamoDBv2;
using LoadLab.Core.Budgets;
using LoadLab.Core.Engine;
using LoadLab.Core.Errors;
using LoadLab.Core.Health;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.Runner.Lifecycle;
using LoadLab.Runner.Planning;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Target;
using LoadLab.Runner.Tracing;
using LoadLab.Tracing;
using LoadLab.Tracing.Metrics;

namespace LoadLab.Runner.Running;

/// <summary>
/// The pipeline of one run of a resolved suite (one variant): target → tables → seeding → engine → RunResult →
/// reports. It reads only the <see cref="ResolvedRun"/>; its collaborators come in through <see cref="RunServices"/>.
/// Every stage honours the stop token; whatever happened is written before returning.
/// </summary>
internal sealed class RunOrchestrator(RunServices services)
{
    private IRunReporter Reporter => services.Reporter;

    private TimeProvider Time => services.Time;

    public async Task<RunOutcome> RunAsync(ResolvedRun run, ResolvedVariant variant, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(variant);
        var plan = variant.Plan;
        var settings = run.RequireTarget();
        Reporter.Info(RunLine(run, plan));

        await using var target = await services.OpenTarget(run, Reporter.Info, stop).ConfigureAwait(false);
        // The suite's sdk: settings (retry mode, attempts, timeout) apply to every request of the run.
        var clientOptions = TargetSession.WithSdk(target.Options with { Profile = settings.Profile }, plan.Sdk);
        using var client = DynamoDbClientFactory.Create(clientOptions);
        await TargetSession.CheckReachableAsync(client, target.Options, stop).ConfigureAwait(false);

        var startedAt = Time.GetUtcNow();
        var seeding = new List<SeedSummary>();
        var lifecycle = new TableLifecycle(client, plan, Reporter.Info);
        IReadOnlyList<PreparedTable> tables = [];
        EngineResult? engineResult = null;
        ClientWarmupSummary? warmed = null;
        // A budget with abortAfter stops the engine through its own token, so the run can tell it from Ctrl+C.
        using var monitor = BudgetMonitor.For(plan);
        var window = new WindowMarks(target, plan.Scenarios);
        // A dead target stops the engine through a token of its own too: it is a verdict (exit 3), not Ctrl+C.
        using var health = new TargetHealthMonitor(plan.FailOn.UnreachableFor);
        using var engineStop = CancellationTokenSource.CreateLinkedTokenSource(stop, monitor.AbortToken, health.FailedToken);
        // Null with --trace off: then nothing of tracing is on the load path. A bad destination only warns.
        var tracing = await TracingSession.StartAsync(run.Tracing, new TraceRunInfo(plan.RunId, plan.SuiteName, plan.Variant), Time, Reporter.Warn).ConfigureAwait(false);
        // Null without --metrics otlp. It reads the engine's closed intervals only; a bad or absent collector only warns.
        using var liveMetrics = run.Metrics.Otlp is { } otlp
            ? await OtlpMetricsExport.StartAsync(otlp, new MetricsRunInfo(plan.SuiteName, plan.Environment, plan.RunId, plan.Variant), Reporter.Warn).ConfigureAwait(false)
            : null;
        try
        {
            // On prod (--allow-prod) tables are only described, never created or seeded.
            bool prod = ProdGuard.IsProd(plan);
            tables = await lifecycle.PrepareAsync(create: !prod, stop).ConfigureAwait(false);
            await SimulatorSetup.ApplyAutoScalingAsync(plan, target, Reporter, stop).ConfigureAwait(false);
            if (prod && plan.DataSets.Count > 0)
                Reporter.Info("prod: nothing is seeded; data: only tells the scenarios which keys the existing items have.");
            if (!prod)
                await lifecycle.ConfirmReseedAsync(tables, run.Safety.Yes, services.Safety.Confirmation, stop).ConfigureAwait(false);
            foreach (var dataSet in prod ? [] : plan.DataSets)
                seeding.Add(await DataSeeding.SeedAsync(client, plan, dataSet, run.Shard?.Keys, Time, Reporter.Info, stop).ConfigureAwait(false));

            var scenarios = plan.Scenarios.Select(s => CreateScenario(client, plan, s, target.Kind, run.Shard)).ToArray();
            // Before tracing wraps the executors and before the simulator's window opens: warm-up calls are traced and counted nowhere.
            if (plan.Sdk.ClientWarmup != false)
                warmed = await WarmUpAsync(plan, scenarios, prod, stop).ConfigureAwait(false);
            if (tracing is not null)
                scenarios = [.. scenarios.Select(s => s with { Executor = DynamoDbTracing.Wrap(tracing, s.Executor, s.Plan, s.TableName) })];
            var engine = new LoadEngine(Time);
            var engineOptions = new EngineOptions
            {
                Seed = plan.Seed,
                Interval = plan.Interval,
                DrainTimeout = plan.DrainTimeout,
                OnInterval = snapshot =>
                {
                    Reporter.OnInterval(snapshot);
                    monitor.OnInterval(snapshot);
                    window.OnInterval(snapshot);
                    health.OnInterval(snapshot);
                    liveMetrics?.OnInterval(snapshot);
                },
            };
            Reporter.Info($"Running {scenarios.Length} scenario(s) for {Formatting.Duration(LoadEngine.PlannedDuration(plan.Scenarios))}");
            await WaitForStartAsync(run.Shard, stop).ConfigureAwait(false);
            if (target.Simulated && run.Shard?.StartAt is null)
                await WholeSecond.WaitAsync(Time, stop).ConfigureAwait(false);
            tracing?.MarkLoadStart();
            StartFaults(run, target);
            window.LoadStarting();
            engineResult = await Reporter.ShowWhileAsync(() => engine.RunAsync(scenarios, engineOptions, engineStop.Token)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Reporter.Warn("Interrupted before the load started; writing what was done.");
        }

        var abort = monitor.Abort;
        if (abort is not null)
            Reporter.Warn(Formatting.Invariant($"Stopped the run at {abort.AtSeconds:0.#} s: budget {abort.Budget} was broken for {abort.BrokenForSeconds:0.#} s, longer than its abortAfter grace."));
        var targetFailure = health.Failure;
        if (targetFailure is not null)
            Reporter.Warn(Formatting.Invariant($"Stopped the run at {targetFailure.StoppedAtSeconds:0.#} s: the target has not answered since {targetFailure.SinceSeconds:0.#} s ({targetFailure.NetworkErrors} network errors, {targetFailure.Timeouts} timeouts); writing the results."));
        var result = RunAssembler.Assemble(new RunAssembler.Parts
        {
            Run = run,
            Plan = plan,
            Target = target.Describe(clientOptions),
            StartedAt = startedAt,
            EndedAt = Time.GetUtcNow(),
            Seeding = seeding,
            Engine = engineResult,
            Interrupted = stop.IsCancellationRequested,
            Abort = abort,
            TargetFailure = targetFailure,
            // Only the measured window: seeding and warm-up go to the section's own seeding phases.
            Simulator = target.SimulatorSection(window, window.Window(engineResult, Time.GetUtcNow())),
            Tables = await lifecycle.FinishAsync(tables, run.Safety.Teardown, Reporter.Warn).ConfigureAwait(false),
            TargetIncidents = [.. target.Incidents.Select(i => i.Describe())],
            ClientWarmup = warmed,
        });
        if (tracing is not null)
        {
            var traced = await tracing.CompleteAsync().ConfigureAwait(false);
            Reporter.Info(TracingSession.Describe(traced));
            result = tracing.Apply(result, traced);
        }

        if (liveMetrics is not null)
        {
            var exported = await liveMetrics.CompleteAsync(engineResult is null ? null : result).ConfigureAwait(false);
            Reporter.Info(OtlpMetricsExport.Describe(exported));
            result = OtlpMetricsExport.Apply(result, exported);
        }

        // Written even when interrupted: partial results are still results.
        var written = await services.WriteReports(result, variant.OutDirectory, CancellationToken.None).ConfigureAwait(false);
        return new RunOutcome(result, written[0], written, RunAssembler.VerdictOf(result));
    }

    /// <summary>The run's first line: the suite's seed, and for a shard that draws from another one, which.</summary>
    internal static string RunLine(ResolvedRun run, RunPlan plan)
    {
        string seed = Formatting.Invariant($"seed {run.Suite.Seed}");
        if (run.Shard is { } shard && plan.Seed != run.Suite.Seed)
            seed += Formatting.Invariant($" (shard {shard.Index}/{shard.Count} draws its operations from seed {plan.Seed})");
        return $"Run {plan.RunId}: suite '{plan.SuiteName}', environment {plan.Environment}, {seed}";
    }

    /// <summary>
    /// Warms the client (JIT, connections) with the scenarios' own executors before the clock starts, so the first seconds
    /// of the load measure the table rather than LoadLab's start-up. Nothing of it is counted; it is reported on its own.
    /// </summary>
    private async Task<ClientWarmupSummary?> WarmUpAsync(RunPlan plan, EngineScenario[] scenarios, bool prod, CancellationToken stop)
    {
        var warm = scenarios.Select(s => new ClientWarmupScenario(s.Plan.Name, s.Executor, ClientWarmupSelection.Operations(s.Plan, prod))).ToArray();
        var names = scenarios.Zip(warm, (s, w) => w.Operations.Select(i => s.Plan.Mix[i].Operation)).SelectMany(n => n).Distinct().ToArray();
        if (names.Length == 0)
        {
            Reporter.Info("Client warm-up: skipped (no operation of the mix is a read or an overwrite it may repeat).");
            return null;
        }

        var options = ClientWarmupSelection.Paced(
            ClientWarmupSelection.OptionsFor(services.ClientWarmup, scenarios.Select(s => s.Plan)),
            ClientWarmupSelection.WarmedCalls(plan, scenarios.Select(s => s.Plan), prod));
        var summary = await ClientWarmup.RunAsync(warm, options, Time, stop).ConfigureAwait(false);
        string paced = options.MaxCallsPerSecond is { } c ? Formatting.Invariant($", at most {c:0.#} calls/s (a tenth of the smallest provisioned capacity and of what one key is served, per call's units)") : "";
        Reporter.Info(Formatting.Invariant($"Client warm-up: {summary.Calls:N0} calls ({string.Join(", ", names)}) in {summary.Seconds:0.0} s{paced}, {summary.Failed:N0} not ok; counted in no figure."));
        return summary;
    }

    /// <summary>The simulator's faults start with the load, so their windows count from its first second.</summary>
    private void StartFaults(ResolvedRun run, TargetSession target)
    {
        if (!run.Simulator.Faults.Any)
            return;
        if (target.StartFaults())
            Reporter.Info("Injecting faults from now on: " + TargetSession.DescribeFaults(run.Simulator) + " (counted apart from real failures: simulator.faults in results.json)");
        else
            Reporter.Warn($"simulator.faults are injected by the capacity simulator of local runs only; nothing is injected on {TargetKinds.Name(target.Kind)} targets.");
    }

    /// <summary>With --start-at, every shard starts its load at the same wall-clock time.</summary>
    private async Task WaitForStartAsync(ShardOptions? shard, CancellationToken stop)
    {
        if (shard?.StartAt is not { } startAt) return;
        var wait = startAt - Time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            Reporter.Warn($"--start-at {startAt:O} has passed; starting now.");
            return;
        }

        Reporter.Info($"Waiting {Formatting.Duration(wait)} for the common start at {startAt:O}");
        await Task.Delay(wait, Time, stop).ConfigureAwait(false);
    }

    private EngineScenario CreateScenario(IAmazonDynamoDB client, RunPlan plan, ScenarioPlan scenario, TargetKind targetKind, ShardOptions? shard)
    {
        var table = plan.Table(scenario.TableId);
        var dataSet = plan.DataSets.FirstOrDefault(d => d.TableId == scenario.TableId)
            ?? throw new InvalidInputException($"Scenario '{scenario.Name}' targets table '{scenario.TableId}', which has no data set: add one under data: so operations have keys to use.");
        // The local target carries out transactions in its simulator; other targets are taken to be DynamoDB.
        var driverOptions = new DriverOptions
        {
            Target = targetKind == TargetKind.Local ? TargetCapabilities.LocalTarget : TargetCapabilities.DynamoDb,
            Shard = shard?.Keys ?? Core.Keys.KeyShard.Whole,
        };
        DynamoDbOperationExecutor executor;
        try
        {
            executor = new DynamoDbOperationExecutor(client, scenario, table, dataSet, DataModels.For(dataSet), plan.Seed, Time, driverOptions);
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException($"Scenario '{scenario.Name}': {e.Message}");
        }

        foreach (var warning in executor.Warnings)
            Reporter.Warn($"{scenario.Name}: {warning}");
        return new EngineScenario(scenario, executor, table.Name);
    }
}

/// <summary>What one run (variant) of a suite reports back.</summary>
internal sealed record RunOutcome(RunResult Result, string ResultsPath, IReadOnlyList<string> Written, RunVerdict Verdict);
