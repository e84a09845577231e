using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.UnitTests.Core.Support;

namespace LoadLab.UnitTests.Core.Engine;

/// <summary>
/// The engine on virtual time: seconds of load take a fraction of a second and never depend on machine speed. The
/// clock moves from event to event once the engine is quiet, so times, counts and percentiles are exact.
/// </summary>
[Collection(VirtualClockCollection.Name)]
public class LoadEngineTests
{
    private readonly VirtualClock clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private static ScenarioPlan Scenario(IReadOnlyList<LoadPhase> phases, int maxInFlight = 64, SaturationPolicy whenFull = SaturationPolicy.Queue, TimeSpan warmup = default, params OperationWeight[] mix) => new()
    {
        Name = "s",
        TableId = "t",
        Mix = mix.Length > 0 ? mix : [new OperationWeight(OperationKind.Get, 1)],
        Phases = phases,
        MaxInFlight = maxInFlight,
        WhenFull = whenFull,
        Warmup = warmup,
    };

    private Task<EngineResult> Run(ScenarioPlan plan, IOperationExecutor executor, CancellationToken stop = default, TimeSpan? drain = null) =>
        clock.RunAsync(
            () => new LoadEngine(clock).RunAsync([new EngineScenario(plan, executor, "local_t")], new EngineOptions { DrainTimeout = drain ?? TimeSpan.FromSeconds(10) }, stop),
            TimeSpan.FromMinutes(10));

    private static void AssertAccounted(ScenarioResult s)
    {
        Assert.Equal(s.Scheduled, s.Operations.Sum(o => o.Completed) + s.Dropped + s.Cancelled);
        foreach (var op in s.Operations)
            Assert.Equal(op.Completed, op.Outcomes.Values.Sum());
    }

    /// <summary>What the engine's histograms report for a latency of exactly <paramref name="ms"/> ms.</summary>
    private static double Reported(double ms)
    {
        var histogram = LatencyScale.NewHistogram();
        histogram.RecordValue((long)(ms * 1000));
        return LatencySummary.From(histogram).P50Ms;
    }

    [Fact]
    public async Task Open_model_starts_exactly_the_scheduled_arrivals()
    {
        var executor = new InstantExecutor(OperationOutcome.Ok);
        var result = await Run(Scenario([new RatePhase(100, TimeSpan.FromSeconds(5))]), executor);
        var s = Assert.Single(result.Scenarios);
        Assert.Equal(500, s.Scheduled);
        Assert.Equal(500, executor.Calls);
        Assert.Equal(500, s.Operations[0].Count("ok"));
        Assert.Equal(500, s.TargetOperations, 6);
        // Five one-second intervals and the final one the drain closes (zero-length here: nothing was in flight).
        Assert.Equal(6, s.Series.Count);
        Assert.Equal(500, s.Series.Sum(p => p.Started));
        Assert.Equal(500, s.Series.Sum(p => p.TargetOps), 6);
        Assert.False(result.Interrupted);
        AssertAccounted(s);
    }

    [Fact]
    public async Task Warmup_operations_run_but_stay_out_of_the_statistics()
    {
        var executor = new InstantExecutor(OperationOutcome.Ok);
        var result = await Run(Scenario([new RatePhase(100, TimeSpan.FromSeconds(3))], warmup: TimeSpan.FromSeconds(1)), executor);
        var s = result.Scenarios[0];
        Assert.Equal(300, executor.Calls);
        Assert.Equal(100, s.Warmup.Scheduled);
        Assert.Equal(100, s.Warmup.Completed);
        Assert.Equal(200, s.Scheduled);
        Assert.Equal(200, s.Operations[0].Completed);
        Assert.Equal(200, s.TargetOperations, 6);
    }

    [Fact]
    public async Task Both_latencies_equal_the_service_time_when_nothing_waits()
    {
        var result = await Run(Scenario([new RatePhase(10, TimeSpan.FromSeconds(3))]), new SlowExecutor(clock, TimeSpan.FromMilliseconds(50)));
        var op = result.Scenarios[0].Operations[0];
        Assert.Equal(30, op.Completed);
        Assert.Equal(Reported(50), op.ServiceTime.P50Ms);
        Assert.Equal(Reported(50), op.Latency.P50Ms);
        Assert.Equal(Reported(50), op.Latency.MaxMs);
        Assert.Equal(0, result.Scenarios[0].StartLateness.P99Ms);
    }

    [Fact]
    public async Task Queue_policy_keeps_absolute_times_so_waiting_shows_as_lateness_and_corrected_latency()
    {
        // Capacity: 2 in flight × 1 / 100 ms = 20 ops/s against 50 arrivals/s.
        var plan = Scenario([new RatePhase(50, TimeSpan.FromSeconds(4))], maxInFlight: 2, whenFull: SaturationPolicy.Queue);
        var result = await Run(plan, new SlowExecutor(clock, TimeSpan.FromMilliseconds(100)));
        var s = result.Scenarios[0];
        var op = s.Operations[0];
        Assert.Equal(200, s.Scheduled);
        // Two slots free every 100 ms: 80 operations start before 4 s, and an 81st in the slot that frees at 4 s
        // exactly (the operation ending then was timed before the queued arrival's deadline, so it goes first).
        Assert.Equal(81, op.Completed);
        // Arrivals still queued when the scenario ended were never started: they are accounted as dropped.
        Assert.Equal(200 - op.Completed - s.Cancelled, s.Dropped);
        Assert.Equal(119, s.Dropped);
        Assert.True(s.StartLateness.MaxMs > 1000, $"lateness max {s.StartLateness.MaxMs} ms");
        Assert.True(op.Latency.P99Ms > 10 * op.ServiceTime.P99Ms, $"corrected {op.Latency.P99Ms} vs service {op.ServiceTime.P99Ms}");
        Assert.Equal(Reported(100), op.ServiceTime.P50Ms);
        Assert.Equal(Reported(100), op.ServiceTime.MaxMs);
        AssertAccounted(s);
    }

    [Fact]
    public async Task Drop_policy_skips_arrivals_at_the_bound_and_counts_them()
    {
        var plan = Scenario([new RatePhase(50, TimeSpan.FromSeconds(4))], maxInFlight: 2, whenFull: SaturationPolicy.Drop);
        var result = await Run(plan, new SlowExecutor(clock, TimeSpan.FromMilliseconds(100)));
        var s = result.Scenarios[0];
        var op = s.Operations[0];
        Assert.Equal(200, s.Scheduled);
        // Of every five arrivals (one each 20 ms) two find a slot: the ones at 0 and 20 ms of each 100 ms.
        Assert.Equal(120, s.Dropped);
        Assert.Equal(80, op.Completed);
        Assert.Equal(s.Dropped, op.Dropped);
        // Operations that did start started on time.
        Assert.Equal(0, s.StartLateness.P99Ms);
        Assert.Equal(Reported(100), op.Latency.P99Ms);
        AssertAccounted(s);
    }

    [Fact]
    public async Task Closed_model_keeps_the_workers_busy()
    {
        var plan = Scenario([new ConcurrencyPhase(4, TimeSpan.FromSeconds(2))]);
        var result = await Run(plan, new SlowExecutor(clock, TimeSpan.FromMilliseconds(100)));
        var s = result.Scenarios[0];
        // 4 workers × 2 s / 100 ms.
        Assert.Equal(80, s.Operations[0].Completed);
        Assert.Equal(0, s.TargetOperations);
        AssertAccounted(s);
    }

    [Fact]
    public async Task Outcomes_reasons_attempts_and_capacity_are_counted_per_operation()
    {
        var plan = Scenario([new RatePhase(100, TimeSpan.FromSeconds(2))], mix: [new OperationWeight(OperationKind.Get, 1), new OperationWeight(OperationKind.Put, 1)]);
        var executor = new ScriptedExecutor(r => r.OperationIndex == 0
            ? new OperationOutcome(OutcomeKind.Ok, Attempts: 2, ThrottledAttempts: 1, ReadUnits: 0.5)
            : new OperationOutcome(OutcomeKind.Throttled, Attempts: 3, ThrottledAttempts: 3, WriteUnits: 0, Reason: "KeyRangeThroughputExceeded"));
        var result = await Run(plan, executor);
        var get = result.Scenarios[0].Operations.Single(o => o.Name == "get");
        var put = result.Scenarios[0].Operations.Single(o => o.Name == "put");
        Assert.Equal(200, get.Completed + put.Completed);
        Assert.Equal(get.Completed, get.Count("ok"));
        Assert.Equal(2 * get.Completed, get.Attempts);
        Assert.Equal(get.Completed, get.Retries);
        Assert.Equal(get.Completed, get.ThrottledAttempts);
        Assert.Equal(get.Completed * 0.5, get.ReadUnits, 6);
        Assert.Equal(put.Completed, put.Count("throttled"));
        Assert.Equal(put.Completed, put.ThrottleReasons["KeyRangeThroughputExceeded"]);
        Assert.Equal(3 * put.Completed, put.ThrottledAttempts);
        Assert.Equal(put.Completed, put.Series.Sum(p => p.Throttled));
    }

    [Fact]
    public async Task Stopping_ends_scheduling_drains_and_marks_the_result_interrupted()
    {
        // Stopped at exactly 2 s of virtual time, by a timer on the same clock.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2), clock);
        var plan = Scenario([new RatePhase(100, TimeSpan.FromSeconds(60))]);
        var executor = new SlowExecutor(clock, TimeSpan.FromMilliseconds(20));
        var result = await Run(plan, executor, stop.Token);
        var s = result.Scenarios[0];
        Assert.True(result.Interrupted);
        Assert.Equal(2, s.DurationSeconds);
        // Arrivals at 0, 10, …, 1990 ms; the stop, timed before the run began, comes before the arrival at 2 s.
        Assert.Equal(200, s.Scheduled);
        Assert.Equal(200, s.Operations[0].Completed);
        Assert.Equal(0, s.Cancelled);
        AssertAccounted(s);
    }

    [Fact]
    public async Task Operations_that_outlive_the_drain_timeout_are_cancelled_and_counted()
    {
        var plan = Scenario([new RatePhase(10, TimeSpan.FromSeconds(1))]);
        var result = await Run(plan, new SlowExecutor(clock, TimeSpan.FromMinutes(5)), drain: TimeSpan.FromSeconds(2));
        var s = result.Scenarios[0];
        Assert.Equal(10, s.Scheduled);
        Assert.Equal(10, s.Cancelled);
        AssertAccounted(s);
    }

    [Fact]
    public async Task An_executor_that_throws_does_not_stop_the_run()
    {
        var plan = Scenario([new RatePhase(20, TimeSpan.FromSeconds(1))]);
        var result = await Run(plan, new ScriptedExecutor(_ => throw new InvalidOperationException("boom")));
        var op = result.Scenarios[0].Operations[0];
        Assert.Equal(20, op.Count("clientError"));
        Assert.Equal(20, op.ErrorCodes["LoadLab.InvalidOperationException"]);
    }
}
