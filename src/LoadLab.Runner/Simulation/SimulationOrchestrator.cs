using System.Diagnostics;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Reporting;
using LoadLab.Core.Budgets;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.Core.Simulation;
using LoadLab.DynamoDb.Client;
using LoadLab.Runner.Planning;
using LoadLab.Runner.Running;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// One variant of <c>loadlab simulate</c>: the suite's scenarios played through the capacity model on virtual time,
/// with no emulator and no network, then the same RunResult, budgets and reports as a real run. The stages a real
/// run has before the load (target, tables, seeding) collapse into creating the tables in the model with their data
/// already stored; what differs from a real run is said in results.json (<c>run.simulation</c>).
/// </summary>
internal sealed class SimulationOrchestrator(RunServices services)
{
    private IRunReporter Reporter => services.Reporter;

    public async Task<RunOutcome> RunAsync(ResolvedRun run, ResolvedVariant variant, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(variant);
        var plan = variant.Plan;
        // The retry mode and attempts a real run's client would have (defaults included): one rule, SdkInfo's.
        var client = Target.TargetSession.WithSdk(new DynamoDbTargetOptions { Region = run.Simulator.Region }, plan.Sdk);
        var sdk = SdkInfo.For(client);
        // On a whole second: the model counts in clock seconds, so a start at the wall clock's sub-second would move
        // its grid against the load and the same seed would not give the same figures twice.
        var now = services.Time.GetUtcNow();
        var clock = new VirtualClock(new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), now.Offset));
        var model = new CapacityModel(run.Simulator, clock);
        var target = SimulatedTarget.Create(plan, model, clock);
        var serviceTime = ServiceTimeModel.Default;
        Reporter.Info($"Simulation {plan.RunId}: suite '{plan.SuiteName}', seed {plan.Seed}, capacity simulator preset {run.Simulator.Preset}, on virtual time (no DynamoDB is called; latencies are modelled)");

        using var monitor = BudgetMonitor.For(plan);
        using var engineStop = CancellationTokenSource.CreateLinkedTokenSource(stop, monitor.AbortToken);
        var progress = new SimulationProgress(Reporter, LoadEngine.PlannedDuration(plan.Scenarios));
        var options = new SimulationOptions
        {
            Seed = plan.Seed,
            // Longer than the suite's interval only for runs past two hours of seconds (docs/simulate.md §9).
            Interval = SimulationIntervals.For(LoadEngine.PlannedDuration(plan.Scenarios), plan.Interval),
            Retry = new SdkRetryPolicy(plan.Sdk),
            ServiceTime = serviceTime,
            OnIntervalClosing = model.Tick,
            OnInterval = snapshot =>
            {
                monitor.OnInterval(snapshot);
                progress.OnInterval(snapshot);
            },
        };
        var scenarios = plan.Scenarios.Select(s => new SimulatedScenario(s, target.For(s), plan.Table(s.TableId).Name)).ToArray();
        var wall = Stopwatch.StartNew();
        // The engine runs synchronously on virtual time; off the caller's thread so Ctrl+C is seen at once.
        var engine = await Task.Run(() => VirtualEngine.Run(scenarios, options, clock, engineStop.Token), CancellationToken.None).ConfigureAwait(false);
        wall.Stop();

        var abort = monitor.Abort;
        if (abort is not null)
            Reporter.Warn(Formatting.Invariant($"Stopped the simulation at {abort.AtSeconds:0.#} s of virtual time: budget {abort.Budget} was broken for {abort.BrokenForSeconds:0.#} s, longer than its abortAfter grace."));
        var window = new MeasuredWindow(engine.StartedAt, engine.Scenarios.Select(s => s.Warmup.Seconds).DefaultIfEmpty(0).Max(), engine.DurationSeconds);
        var totals = Totals(engine);
        var result = RunAssembler.Assemble(new RunAssembler.Parts
        {
            Run = run,
            Plan = plan,
            Target = new TargetInfo(TargetKinds.Name(TargetKind.Simulated), null, run.Simulator.Region, sdk.DynamoDbVersion, sdk.CoreVersion, sdk.RetryMode, sdk.MaxAttempts),
            StartedAt = engine.StartedAt,
            EndedAt = engine.EndedAt,
            Engine = engine,
            Interrupted = stop.IsCancellationRequested,
            Abort = abort,
            Simulator = SimulatorSectionBuilder.Build(model.Snapshot(), model.Settings, new SimulatorRequests(totals.Calls, totals.Attempts, totals.Throttled), window),
        });
        result = result with { Run = result.Run with { Simulation = new SimulationInfo(Math.Round(wall.Elapsed.TotalSeconds, 3), serviceTime.Settings.Describe(plan.Scenarios.SelectMany(sc => sc.Mix).Select(m => m.Kind)), totals.Attempts) } };
        Reporter.Info(Formatting.Invariant($"Simulated {Formatting.Duration(TimeSpan.FromSeconds(engine.DurationSeconds))} of virtual time in {wall.Elapsed.TotalSeconds:0.0} s: {totals.Calls:N0} operations, {totals.Attempts:N0} attempts."));
        var written = await services.WriteReports(result, variant.OutDirectory, CancellationToken.None).ConfigureAwait(false);
        return new RunOutcome(result, written[0], written, RunAssembler.VerdictOf(result));
    }

    private static (long Calls, long Attempts, long Throttled) Totals(EngineResult engine)
    {
        long calls = 0, attempts = 0, throttled = 0;
        foreach (var operation in engine.Scenarios.SelectMany(s => s.Operations))
        {
            calls += operation.Completed;
            attempts += operation.Attempts;
            throttled += operation.ThrottledAttempts;
        }

        return (calls, attempts, throttled);
    }
}
