using System.Text.Json;
using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.Core.Simulation;
using LoadLab.UnitTests.Core.Support;
using SimClock = LoadLab.Core.Simulation.VirtualClock;

namespace LoadLab.UnitTests.Simulation;

/// <summary>
/// The virtual engine against the real engine's rules: the same arrivals, workers, bounds, warm-up, intervals and
/// accounting, with attempts, retries and service times on virtual time. Everything is exact: no wall clock.
/// </summary>
[Collection(VirtualClockCollection.Name)]
public class VirtualEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ms10 = TimeSpan.FromMilliseconds(10);

    private readonly SimClock clock = new(Start);

    private static ScenarioPlan Scenario(IReadOnlyList<LoadPhase> phases, int maxInFlight = 256, SaturationPolicy whenFull = SaturationPolicy.Queue, TimeSpan warmup = default, TimeSpan think = default, string name = "s", params OperationWeight[] mix) => new()
    {
        Name = name,
        TableId = "t",
        Mix = mix.Length > 0 ? mix : [new OperationWeight(OperationKind.Get, 1)],
        Phases = phases,
        MaxInFlight = maxInFlight,
        WhenFull = whenFull,
        Warmup = warmup,
        ThinkTime = think,
    };

    private static SimulationOptions Options(IRetryPolicy? retry = null, IServiceTimeModel? service = null) => new()
    {
        Retry = retry ?? FixedRetry.None,
        ServiceTime = service ?? new FixedServiceTime(Ms10),
    };

    private EngineResult Run(ScenarioPlan plan, ISimulatedExecutor executor, SimulationOptions? options = null, CancellationToken stop = default) =>
        VirtualEngine.Run([new SimulatedScenario(plan, executor, "local_t")], options ?? Options(), clock, stop);

    private static void AssertAccounted(ScenarioResult s)
    {
        Assert.Equal(s.Scheduled, s.Operations.Sum(o => o.Completed) + s.Dropped + s.Cancelled);
        foreach (var op in s.Operations)
        {
            Assert.Equal(op.Completed, op.Outcomes.Values.Sum());
            Assert.Equal(op.Scheduled, op.Completed + op.Dropped + op.Cancelled);
        }
    }

    /// <summary>What the engine's histograms report for a latency of exactly <paramref name="ms"/> ms.</summary>
    private static double Reported(double ms)
    {
        var histogram = LatencyScale.NewHistogram();
        histogram.RecordValue((long)(ms * 1000));
        return LatencySummary.From(histogram).P50Ms;
    }

    [Fact]
    public void Open_model_starts_the_scheduled_arrivals_each_virtual_second()
    {
        var executor = new RecordingSimulatedExecutor(clock);
        var closings = new List<TimeSpan>();
        var snapshots = new List<LiveSnapshot>();
        var options = Options() with { OnIntervalClosing = () => closings.Add(clock.Elapsed), OnInterval = snapshots.Add };
        var result = Run(Scenario([new RatePhase(100, TimeSpan.FromSeconds(5))]), executor, options);

        var s = Assert.Single(result.Scenarios);
        Assert.Equal(500, s.Scheduled);
        Assert.Equal(500, executor.Calls.Count);
        Assert.Equal(500, s.Operations[0].Count("ok"));
        Assert.Equal(500, s.TargetOperations, 6);
        Assert.Equal(5, s.DurationSeconds);
        // Five one-second intervals, then the final one up to the last answer (arrival 499 at 4.99 s + 10 ms).
        Assert.Equal(6, s.Series.Count);
        Assert.All(s.Series.Take(5), p => Assert.Equal(100, p.Started));
        Assert.All(s.Series.Take(5), p => Assert.Equal(100, p.TargetOps, 6));
        Assert.All(s.Series.Take(5), p => Assert.Equal("rate 100/s for 5s", p.Phase));
        // An answer at a boundary belongs to the next interval: arrival 99 (0.99 s) ends at 1.00 s.
        Assert.Equal([99, 100, 100, 100, 100, 1], s.Series.Select(p => p.Completed));
        Assert.Equal(5, s.Series[5].Start);
        Assert.Equal(0, s.Series[5].Length);
        Assert.Equal(Start, result.StartedAt);
        Assert.Equal(Start.AddSeconds(5), result.EndedAt);
        Assert.Equal(5, result.DurationSeconds);
        Assert.False(result.Interrupted);
        // The capacity model's hook sees the clock at each boundary, then at the end.
        Assert.Equal([1, 2, 3, 4, 5, 5], closings.Select(c => c.TotalSeconds));
        Assert.Equal([1, 2, 3, 4, 5], snapshots.Select(x => x.ElapsedSeconds));
        Assert.All(snapshots, x => Assert.Equal(100, x.Scenarios[0].TargetRate, 6));
        // Arrival k is sent at k/100 s exactly.
        Assert.Equal(Enumerable.Range(0, 500).Select(k => TimeSpan.FromMilliseconds(10 * k)), executor.Calls.Select(c => c.At));
        Assert.Equal(Reported(10), s.Operations[0].Latency.P50Ms);
        Assert.Equal(0, s.StartLateness.MaxMs);
        AssertAccounted(s);
    }

    [Fact]
    public void Ramp_and_pause_follow_the_schedule()
    {
        var executor = new RecordingSimulatedExecutor(clock);
        var plan = Scenario([new RampPhase(0, 200, TimeSpan.FromSeconds(2)), new PausePhase(TimeSpan.FromSeconds(1)), new RatePhase(50, TimeSpan.FromSeconds(1))]);
        var result = Run(plan, executor);

        var s = result.Scenarios[0];
        Assert.Equal(250, s.Scheduled);
        Assert.Equal(4, s.DurationSeconds);
        // The ramp's integral: 50 arrivals in its first second, 150 in its second; none in the pause.
        Assert.Equal([50, 150, 0, 50], s.Series.Take(4).Select(p => p.Started));
        Assert.Equal([50, 150, 0, 50], s.Series.Take(4).Select(p => p.TargetOps));
        Assert.Equal(["ramp 0→200/s over 2s", "ramp 0→200/s over 2s", "pause 1s", "rate 50/s for 1s"], s.Series.Take(4).Select(p => p.Phase));
        Assert.DoesNotContain(executor.Calls, c => c.At >= TimeSpan.FromSeconds(2) && c.At < TimeSpan.FromSeconds(3));
        Assert.Equal(Enumerable.Range(0, 250).Select(k => (long)k), executor.Calls.Select(c => c.Request.Sequence));
        AssertAccounted(s);
    }

    [Fact]
    public void Closed_model_with_n_workers_and_service_time_s_makes_n_over_s_operations_per_second()
    {
        var executor = new RecordingSimulatedExecutor(clock);
        var result = Run(Scenario([new ConcurrencyPhase(4, TimeSpan.FromSeconds(2))]), executor);

        var s = result.Scenarios[0];
        // 4 workers / 10 ms = 400 ops/s over 2 s.
        Assert.Equal(800, s.Operations[0].Completed);
        Assert.Equal(400, s.AchievedOpsPerSecond, 6);
        Assert.Equal([400, 400], s.Series.Take(2).Select(p => p.Started));
        // Each worker's operation started at 0.99 s ends at the boundary, in the next interval.
        Assert.Equal([396, 400, 4], s.Series.Select(p => p.Completed));
        Assert.Equal(Reported(10), s.Operations[0].Latency.P99Ms);
        Assert.Equal(0, s.TargetOperations);
        AssertAccounted(s);
    }

    [Fact]
    public void Think_time_and_a_worker_ramp_slow_the_closed_model_down()
    {
        var think = Run(Scenario([new ConcurrencyPhase(4, TimeSpan.FromSeconds(2))], think: Ms10), new RecordingSimulatedExecutor(clock));
        // Each worker: 10 ms of service and 10 ms of thought per operation.
        Assert.Equal(400, think.Scenarios[0].Operations[0].Completed);

        var ramp = VirtualEngine.Run(
            [new SimulatedScenario(Scenario([new RampConcurrencyPhase(0, 4, TimeSpan.FromSeconds(4))]), new RecordingSimulatedExecutor(clock), "t")],
            Options(), new SimClock(Start), CancellationToken.None);
        // Worker i joins at (i + 1) s: 3 + 2 + 1 + 0 worker-seconds at 100 operations per second each.
        Assert.Equal([0, 100, 200, 300], ramp.Scenarios[0].Series.Take(4).Select(p => p.Started));
    }

    [Fact]
    public void Queue_at_the_in_flight_bound_shows_as_lateness_and_the_backlog_is_dropped_at_the_end()
    {
        var executor = new RecordingSimulatedExecutor(clock);
        // 100 arrivals/s, one in flight at a time, 20 ms each: half the schedule fits.
        var result = Run(Scenario([new RatePhase(100, TimeSpan.FromSeconds(2))], maxInFlight: 1), executor, Options(service: new FixedServiceTime(TimeSpan.FromMilliseconds(20))));

        var s = result.Scenarios[0];
        Assert.Equal(200, s.Scheduled);
        Assert.Equal(100, s.Operations[0].Completed);
        Assert.Equal(100, s.Dropped);
        Assert.True(s.StartLateness.MaxMs > 900, $"lateness {s.StartLateness.MaxMs} ms");
        // Corrected latency includes the wait for a slot.
        Assert.True(s.Operations[0].Latency.MaxMs > 900);
        Assert.Equal(Reported(20), s.Operations[0].ServiceTime.P99Ms);
        // One attempt at a time, back to back.
        Assert.Equal(Enumerable.Range(0, 100).Select(k => TimeSpan.FromMilliseconds(20 * k)), executor.Calls.Select(c => c.At));
        AssertAccounted(s);
    }

    [Fact]
    public void Drop_at_the_in_flight_bound_counts_the_dropped_arrivals()
    {
        var executor = new RecordingSimulatedExecutor(clock);
        var result = Run(
            Scenario([new RatePhase(100, TimeSpan.FromSeconds(2))], maxInFlight: 1, whenFull: SaturationPolicy.Drop),
            executor,
            Options(service: new FixedServiceTime(TimeSpan.FromMilliseconds(15))));

        var s = result.Scenarios[0];
        // Every other arrival finds the one slot taken.
        Assert.Equal(100, s.Operations[0].Completed);
        Assert.Equal(100, s.Dropped);
        Assert.Equal(100, s.Operations[0].Dropped);
        Assert.Equal(0, s.StartLateness.MaxMs);
        Assert.All(s.Series.Take(2), p => Assert.Equal(50, p.Dropped));
        Assert.Equal(Enumerable.Range(0, 100).Select(k => 2L * k), executor.Calls.Select(c => c.Request.Sequence));
        AssertAccounted(s);
    }

    [Fact]
    public void Retries_add_attempts_and_throttled_attempts_and_the_backoff_to_latency()
    {
        // The first attempt of each operation is throttled, the retry succeeds; every attempt costs half a read unit.
        var executor = new RecordingSimulatedExecutor(clock, (_, attempt) => (attempt == 1 ? RecordingSimulatedExecutor.Throttle : RecordingSimulatedExecutor.Ok) with { ReadUnits = 0.5 });
        var retry = new FixedRetry(3, TimeSpan.FromMilliseconds(50));
        var result = Run(Scenario([new RatePhase(10, TimeSpan.FromSeconds(1))]), executor, Options(retry));

        var op = result.Scenarios[0].Operations[0];
        Assert.Equal(10, op.Count("ok"));
        Assert.Equal(20, op.Attempts);
        Assert.Equal(10, op.ThrottledAttempts);
        Assert.Equal(10, op.ReadUnits, 6);
        Assert.Empty(op.ThrottleReasons);
        // 10 ms answer + 50 ms backoff + 10 ms answer.
        Assert.Equal(Reported(70), op.Latency.P50Ms);
        Assert.Equal(Reported(70), op.ServiceTime.P50Ms);
        Assert.Equal(TimeSpan.FromMilliseconds(60), executor.Calls[1].At);
        Assert.Equal(2, executor.Calls[1].Attempt);
        // The policy hears of each answer when it arrives.
        Assert.Equal([(TimeSpan.FromMilliseconds(10), 1), (TimeSpan.FromMilliseconds(70), 2)], retry.Observed.Take(2));
    }

    [Fact]
    public void An_operation_throttled_on_every_attempt_ends_throttled_with_its_reason()
    {
        var executor = new RecordingSimulatedExecutor(clock, (_, _) => RecordingSimulatedExecutor.Throttle);
        var result = Run(Scenario([new RatePhase(10, TimeSpan.FromSeconds(1))]), executor, Options(new FixedRetry(3, TimeSpan.FromMilliseconds(50))));

        var op = result.Scenarios[0].Operations[0];
        Assert.Equal(10, op.Count("throttled"));
        Assert.Equal(30, op.Attempts);
        Assert.Equal(30, op.ThrottledAttempts);
        Assert.Equal(10, op.ThrottleReasons["ThrottlingException"]);
        Assert.Equal(Reported(130), op.Latency.P50Ms);
    }

    [Fact]
    public void The_executor_sees_each_attempts_moment_in_time_order_across_scenarios()
    {
        // Both scenarios' executors write to one log, in the order the engine calls them.
        var log = new List<(TimeSpan At, string Scenario, int Attempt)>();
        var counter = 0;
        Func<OperationRequest, int, SimulatedAttempt> Script(string name) => (_, attempt) =>
        {
            log.Add((clock.Elapsed, name, attempt));
            // Every third attempt is throttled: retries interleave with both scenarios' new operations.
            return ++counter % 3 == 0 ? RecordingSimulatedExecutor.Throttle : RecordingSimulatedExecutor.Ok;
        };
        var a = new RecordingSimulatedExecutor(clock, Script("a"));
        var b = new RecordingSimulatedExecutor(clock, Script("b"));
        var options = Options(new FixedRetry(4, TimeSpan.FromMilliseconds(7), jitter: TimeSpan.FromMilliseconds(20)), new UniformServiceTime(TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(40)));
        var result = VirtualEngine.Run(
            [
                new SimulatedScenario(Scenario([new RatePhase(333, TimeSpan.FromSeconds(3))], name: "a"), a, "t"),
                new SimulatedScenario(Scenario([new ConcurrencyPhase(7, TimeSpan.FromSeconds(3))], name: "b"), b, "t"),
            ],
            options, clock, CancellationToken.None);

        Assert.Equal(999, result.Scenarios[0].Scheduled);
        Assert.True(b.Calls.Count > 500);
        Assert.Contains(log, c => c.Attempt > 1);
        Assert.Equal(log.Count, result.Scenarios.Sum(s => s.Operations[0].Attempts));
        Assert.Equal(log.Select(c => c.At).Order(), log.Select(c => c.At));
        // The first attempts of the open scenario go out at the schedule's moments: arrival k at k/333 s.
        var firstAttempts = a.Calls.Where(c => c.Attempt == 1).ToList();
        Assert.Equal(Enumerable.Range(0, 999).Select(k => TimeSpan.FromTicks((long)Math.Round(k / 333.0 * TimeSpan.TicksPerSecond))), firstAttempts.Select(c => c.At));
        AssertAccounted(result.Scenarios[0]);
        AssertAccounted(result.Scenarios[1]);
    }

    [Fact]
    public void A_send_delay_holds_the_attempt_back_and_counts_in_service_time_not_lateness()
    {
        var executor = new RecordingSimulatedExecutor(clock);
        var result = Run(Scenario([new RatePhase(10, TimeSpan.FromSeconds(1))]), executor, Options(new FixedRetry(1, TimeSpan.Zero, sendDelay: TimeSpan.FromMilliseconds(5))));

        var s = result.Scenarios[0];
        // As in a real run, the client's rate limiter waits inside the call: the operation started on time.
        Assert.Equal(0, s.StartLateness.MaxMs);
        Assert.Equal(Reported(15), s.Operations[0].ServiceTime.P50Ms);
        Assert.Equal(Enumerable.Range(0, 10).Select(k => TimeSpan.FromMilliseconds((100 * k) + 5)), executor.Calls.Select(c => c.At));
    }

    [Fact]
    public void Warmup_operations_run_but_stay_out_of_the_figures()
    {
        var executor = new RecordingSimulatedExecutor(clock);
        var result = Run(Scenario([new RatePhase(100, TimeSpan.FromSeconds(3))], warmup: TimeSpan.FromSeconds(1)), executor);

        var s = result.Scenarios[0];
        Assert.Equal(300, executor.Calls.Count);
        Assert.Equal(100, s.Warmup.Scheduled);
        Assert.Equal(100, s.Warmup.Completed);
        Assert.Equal(200, s.Scheduled);
        Assert.Equal(200, s.Operations[0].Completed);
        Assert.Equal(200, s.TargetOperations, 6);
        AssertAccounted(s);
    }

    [Fact]
    public void A_stop_request_starts_nothing_more_and_lets_what_is_in_flight_finish()
    {
        using var stop = new CancellationTokenSource();
        var executor = new RecordingSimulatedExecutor(clock) { AfterCall = n => { if (n == 10_000) stop.Cancel(); } };
        var result = Run(Scenario([new RatePhase(1000, TimeSpan.FromSeconds(60))]), executor, Options(service: new FixedServiceTime(TimeSpan.FromMilliseconds(50))), stop.Token);

        var s = result.Scenarios[0];
        Assert.True(result.Interrupted);
        Assert.InRange(result.DurationSeconds, 10, 20);
        Assert.InRange(s.DurationSeconds, 10, 20);
        // In flight at the stop: ~50 ms of arrivals at 1,000/s; they finish (on virtual time) rather than being cancelled.
        Assert.Equal(0, s.Cancelled);
        Assert.Equal(s.Scheduled, s.Operations[0].Completed);
        Assert.Equal(s.Scheduled, executor.Calls.Count);
        // The stop is looked at every 4,096 events (two per operation here), then ~50 in flight finish.
        Assert.InRange(executor.Calls.Count, 10_001, 10_000 + 2_048 + 100);
        AssertAccounted(s);
    }

    [Fact]
    public void Operations_still_running_when_the_drain_times_out_are_cancelled()
    {
        var executor = new RecordingSimulatedExecutor(clock);
        var options = Options(service: new FixedServiceTime(TimeSpan.FromSeconds(30))) with { DrainTimeout = TimeSpan.FromSeconds(5) };
        var result = Run(Scenario([new RatePhase(10, TimeSpan.FromSeconds(1))]), executor, options);

        var s = result.Scenarios[0];
        Assert.Equal(10, s.Cancelled);
        Assert.Equal(0, s.Operations[0].Completed);
        Assert.Equal(6, result.DurationSeconds);
        Assert.False(result.Interrupted);
        AssertAccounted(s);
    }

    [Fact]
    public void The_same_seed_repeats_the_run_exactly_and_another_seed_does_not()
    {
        string RunOnce(long seed)
        {
            int counter = 0;
            var executor = new RecordingSimulatedExecutor(new SimClock(Start), (_, _) => ++counter % 5 == 0 ? RecordingSimulatedExecutor.Throttle : RecordingSimulatedExecutor.Ok);
            var plan = Scenario([new RatePhase(200, TimeSpan.FromSeconds(3))], maxInFlight: 4, mix: [new OperationWeight(OperationKind.Get, 3), new OperationWeight(OperationKind.Put, 1)]);
            var options = Options(new FixedRetry(3, TimeSpan.FromMilliseconds(5), jitter: TimeSpan.FromMilliseconds(25)), new UniformServiceTime(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(30))) with { Seed = seed };
            var result = VirtualEngine.Run([new SimulatedScenario(plan, executor, "t")], options, new SimClock(Start), CancellationToken.None);
            return JsonSerializer.Serialize(result);
        }

        Assert.Equal(RunOnce(7), RunOnce(7));
        Assert.NotEqual(RunOnce(7), RunOnce(8));
    }

    [Fact]
    public async Task A_simulated_run_picks_the_same_operations_and_sequence_numbers_as_a_real_one()
    {
        OperationWeight[] mix = [new(OperationKind.Get, 5), new(OperationKind.Put, 3), new(OperationKind.Query, 2)];
        var plan = Scenario([new RatePhase(200, TimeSpan.FromSeconds(2))], mix: mix);
        var simulated = new RecordingSimulatedExecutor(clock);
        VirtualEngine.Run([new SimulatedScenario(plan, simulated, "t")], Options() with { Seed = 9 }, clock, CancellationToken.None);

        var real = new List<OperationRequest>();
        var realClock = new LoadLab.TestSupport.VirtualClock();
        var executor = new ScriptedExecutor(r => { lock (real) real.Add(r); return OperationOutcome.Ok; });
        await realClock.RunAsync(() => new LoadEngine(realClock).RunAsync([new EngineScenario(plan, executor, "t")], new EngineOptions { Seed = 9 }, CancellationToken.None), TimeSpan.FromMinutes(1));

        Assert.Equal(400, simulated.Calls.Count);
        Assert.Equal(real.OrderBy(r => r.Sequence), simulated.Calls.Select(c => c.Request));
        Assert.Equal(3, simulated.Calls.Select(c => c.Request.OperationIndex).Distinct().Count());
    }
    [Fact]
    public async Task A_simulated_run_builds_the_same_scenario_result_as_a_real_one_with_the_same_service_time()
    {
        OperationWeight[] mix = [new(OperationKind.Get, 3), new(OperationKind.Put, 1)];
        var plan = Scenario([new RatePhase(100, TimeSpan.FromSeconds(2)), new ConcurrencyPhase(3, TimeSpan.FromSeconds(1))], warmup: TimeSpan.FromSeconds(1), mix: mix);
        var simulated = VirtualEngine.Run([new SimulatedScenario(plan, new RecordingSimulatedExecutor(clock), "t")], Options(), clock, CancellationToken.None);

        var realClock = new LoadLab.TestSupport.VirtualClock(Start);
        var real = await realClock.RunAsync(
            () => new LoadEngine(realClock).RunAsync([new EngineScenario(plan, new SlowExecutor(realClock, Ms10), "t")], new EngineOptions(), CancellationToken.None),
            TimeSpan.FromMinutes(1));

        // The full intervals, the counts and the latency histograms are the same; only the end differs (the real drain polls).
        var (a, b) = (simulated.Scenarios[0], real.Scenarios[0]);
        Assert.Equal(100, a.Warmup.Scheduled);
        Assert.True(a.Operations.All(o => o.Completed > 0 && o.Latency.P99Ms > 0 && o.LatencyHistogram is not null));
        Assert.Equal(JsonSerializer.Serialize(b.Series.Take(3)), JsonSerializer.Serialize(a.Series.Take(3)));
        Assert.Equal(JsonSerializer.Serialize(b with { Series = [], Operations = [] }), JsonSerializer.Serialize(a with { Series = [], Operations = [] }));
        for (int i = 0; i < mix.Length; i++)
            Assert.Equal(JsonSerializer.Serialize(b.Operations[i] with { Series = [] }), JsonSerializer.Serialize(a.Operations[i] with { Series = [] }));
    }
    [Fact]
    public void An_executor_that_throws_ends_the_operation_as_a_client_error_and_the_run_goes_on()
    {
        var executor = new RecordingSimulatedExecutor(clock, (r, _) => r.Sequence % 2 == 0 ? throw new InvalidOperationException("bug") : RecordingSimulatedExecutor.Ok);
        var result = Run(Scenario([new RatePhase(10, TimeSpan.FromSeconds(1))]), executor);

        var op = result.Scenarios[0].Operations[0];
        Assert.Equal(5, op.Count("ok"));
        Assert.Equal(5, op.Count("clientError"));
        Assert.Equal(5, op.ErrorCodes["LoadLab.InvalidOperationException"]);
    }

    [Fact]
    public void Scenarios_run_side_by_side_and_share_the_interval_boundaries()
    {
        var snapshots = new List<LiveSnapshot>();
        var result = VirtualEngine.Run(
            [
                new SimulatedScenario(Scenario([new RatePhase(50, TimeSpan.FromSeconds(2))], name: "short"), new RecordingSimulatedExecutor(clock), "t1"),
                new SimulatedScenario(Scenario([new ConcurrencyPhase(2, TimeSpan.FromSeconds(3))], name: "long"), new RecordingSimulatedExecutor(clock), "t2"),
            ],
            Options() with { OnInterval = snapshots.Add },
            clock,
            CancellationToken.None);

        Assert.Equal(["short", "long"], result.Scenarios.Select(s => s.Name));
        Assert.Equal(["t1", "t2"], result.Scenarios.Select(s => s.Table));
        Assert.Equal(2, result.Scenarios[0].DurationSeconds);
        Assert.Equal(3, result.Scenarios[1].DurationSeconds);
        // Each worker's last operation starts at 2.99 s and ends with the phase.
        Assert.Equal(3, result.DurationSeconds);
        Assert.Equal([1, 2, 3], snapshots.Select(x => x.ElapsedSeconds));
        Assert.All(snapshots, x => Assert.Equal(3, x.PlannedSeconds));
        Assert.Equal([50, 50, 0], snapshots.Select(x => x.Scenarios[0].AchievedRate));
        Assert.Equal(["2 workers for 3s", "2 workers for 3s", "2 workers for 3s"], snapshots.Select(x => x.Scenarios[1].Phase));
    }
}
