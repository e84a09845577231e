using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Health;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.UnitTests.Core.Support;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Core.Health;

/// <summary>
/// The engine and the dead-target monitor together on a virtual clock, wired as a run wires them: the engine's outcome
/// counts per interval feed the monitor, whose token stops the engine. A minute of load takes milliseconds.
/// </summary>
[Collection(VirtualClockCollection.Name)]
public sealed class TargetHealthEngineTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly VirtualClock clock = new(Start);

    private static ScenarioPlan Scenario(TimeSpan warmup = default, int seconds = 60) => new()
    {
        Name = "s",
        TableId = "t",
        Mix = [new OperationWeight(OperationKind.Get, 1)],
        Phases = [new RatePhase(20, TimeSpan.FromSeconds(seconds))],
        MaxInFlight = 200,
        Warmup = warmup,
    };

    private async Task<(EngineResult Result, TargetHealthMonitor Monitor)> RunAsync(ScenarioPlan plan, IOperationExecutor executor)
    {
        var monitor = new TargetHealthMonitor(TimeSpan.FromSeconds(5));
        var options = new EngineOptions { DrainTimeout = TimeSpan.FromSeconds(1), OnInterval = monitor.OnInterval };
        var result = await clock.RunAsync(() => new LoadEngine(clock).RunAsync([new EngineScenario(plan, executor, "local_t")], options, monitor.FailedToken), TimeSpan.FromMinutes(5));
        return (result, monitor);
    }

    [Fact]
    public async Task A_target_that_dies_10_s_in_stops_the_run_5_s_later_with_when_and_what()
    {
        // Connection refused from the 10th second on, as when the local emulator is killed.
        var executor = new DiesAt(clock, Start.AddSeconds(10), new OperationOutcome(OutcomeKind.NetworkError, Reason: "ConnectionRefused"));

        var (result, monitor) = await RunAsync(Scenario(), executor);
        using (monitor)
        {
            var failure = Assert.IsType<LoadLab.Core.Results.TargetFailure>(monitor.Failure);
            Assert.Equal(10, failure.SinceSeconds);
            Assert.Equal(15, failure.StoppedAtSeconds);
            // 20 per second for 5 s; the operation due exactly on a second's boundary may fall on either side of it.
            Assert.InRange(failure.NetworkErrors, 99, 101);
            Assert.Equal(0, failure.Timeouts);
            var scenario = Assert.Single(result.Scenarios);
            // Scheduling stopped at the failure rather than going on for the planned minute.
            Assert.InRange(scenario.DurationSeconds, 15, 16);
            Assert.InRange(scenario.Operations[0].Count("networkError"), 99, 101);
        }
    }

    [Fact]
    public async Task Failures_during_the_warm_up_count_although_the_statistics_leave_them_out()
    {
        var executor = new DiesAt(clock, Start, new OperationOutcome(OutcomeKind.NetworkError, Reason: "ConnectionRefused"));

        var (result, monitor) = await RunAsync(Scenario(warmup: TimeSpan.FromSeconds(30)), executor);
        using (monitor)
        {
            Assert.Equal(0, monitor.Failure!.SinceSeconds);
            Assert.Equal(5, monitor.Failure.StoppedAtSeconds);
            Assert.Equal(0, Assert.Single(result.Scenarios).Operations[0].Completed);
        }
    }

    [Fact]
    public async Task A_hanging_target_fails_once_its_timeouts_have_come_in_for_the_threshold()
    {
        // From 10.5 s on every operation waits 3 s for an answer that never comes, then times out.
        var executor = new HangsAt(clock, Start.AddSeconds(10.5), TimeSpan.FromSeconds(3));

        var (_, monitor) = await RunAsync(Scenario(), executor);
        using (monitor)
        {
            // The first timeouts end in the interval [13, 14); five seconds of nothing but timeouts later the run stops.
            Assert.Equal(13, monitor.Failure!.SinceSeconds);
            Assert.Equal(18, monitor.Failure.StoppedAtSeconds);
            Assert.Equal(0, monitor.Failure.NetworkErrors);
            // Those sent from 10.5 s to 14.95 s, whose timeouts ended before the 18th second closed.
            Assert.InRange(monitor.Failure.Timeouts, 89, 91);
        }
    }

    [Fact]
    public async Task A_target_that_refuses_half_the_operations_is_not_dead()
    {
        var executor = new ScriptedExecutor(r => r.Sequence % 2 == 0 ? OperationOutcome.Ok : new OperationOutcome(OutcomeKind.NetworkError, Reason: "ConnectionReset"));

        var (result, monitor) = await RunAsync(Scenario(seconds: 20), executor);
        using (monitor)
        {
            Assert.Null(monitor.Failure);
            Assert.Equal(20, Assert.Single(result.Scenarios).DurationSeconds);
        }
    }

    /// <summary>Answers at once, with <paramref name="after"/> from <paramref name="at"/> on.</summary>
    private sealed class DiesAt(TimeProvider clock, DateTimeOffset at, OperationOutcome after) : IOperationExecutor
    {
        public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken) =>
            new(clock.GetUtcNow() >= at ? after : OperationOutcome.Ok);
    }

    /// <summary>Answers at once until <paramref name="at"/>, then times out after <paramref name="timeout"/>.</summary>
    private sealed class HangsAt(TimeProvider clock, DateTimeOffset at, TimeSpan timeout) : IOperationExecutor
    {
        public async ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
        {
            if (clock.GetUtcNow() < at)
                return OperationOutcome.Ok;
            await Task.Delay(timeout, clock, cancellationToken);
            return new OperationOutcome(OutcomeKind.Timeout, Reason: "Timeout");
        }
    }
}
