using LoadLab.Core.Engine;
using LoadLab.Core.Health;
using LoadLab.Core.Results;

namespace LoadLab.UnitTests.Core.Health;

/// <summary>The dead-target rule on the per-interval outcome counts alone: answers heal, failures count, silence is no evidence.</summary>
public sealed class TargetHealthMonitorTests
{
    private static readonly TimeSpan Threshold = TimeSpan.FromSeconds(5);

    /// <summary>The snapshot after interval [second, second + 1) of two scenarios, with these outcome counts spread over them.</summary>
    private static LiveSnapshot Interval(int second, long answered, long network = 0, long timeouts = 0)
    {
        var point = new ScenarioInterval(second, 1, "rate", 10, 10, answered + network + timeouts, 0, 0, 0);
        LiveScenario Scenario(string name, IntervalReach reach) =>
            new(name, "rate", 10, 10, 0, 0, 0, 0, 0, 0, point, [], reach);
        return new LiveSnapshot(second + 1, 60,
        [
            Scenario("a", new IntervalReach(answered, network, 0)),
            Scenario("b", new IntervalReach(0, 0, timeouts)),
        ]);
    }

    [Fact]
    public void Five_seconds_of_network_errors_and_timeouts_without_an_answer_fail_the_target_and_say_when_and_what()
    {
        using var monitor = new TargetHealthMonitor(Threshold);
        for (int s = 0; s < 10; s++)
            monitor.OnInterval(Interval(s, answered: 20));
        for (int s = 10; s < 14; s++)
        {
            monitor.OnInterval(Interval(s, answered: 0, network: 15, timeouts: 1));
            Assert.Null(monitor.Failure);
        }

        Assert.False(monitor.FailedToken.IsCancellationRequested);
        monitor.OnInterval(Interval(14, answered: 0, network: 15, timeouts: 1));

        var failure = Assert.IsType<TargetFailure>(monitor.Failure);
        Assert.True(monitor.FailedToken.IsCancellationRequested);
        Assert.Equal(new TargetFailure(10, 15, 75, 5, 5), failure);
    }

    [Fact]
    public void One_answer_in_a_second_of_failures_restarts_the_count()
    {
        using var monitor = new TargetHealthMonitor(Threshold);
        for (int s = 0; s < 4; s++)
            monitor.OnInterval(Interval(s, answered: 0, network: 20));
        // A flaky target, not a dead one: one operation got through (a throttle or a 500 counts as an answer too).
        monitor.OnInterval(Interval(4, answered: 1, network: 19));
        for (int s = 5; s < 9; s++)
            monitor.OnInterval(Interval(s, answered: 0, network: 20));

        Assert.Null(monitor.Failure);
        monitor.OnInterval(Interval(9, answered: 0, network: 20));
        Assert.Equal(5, monitor.Failure!.SinceSeconds);
        Assert.Equal(100, monitor.Failure.NetworkErrors);
    }

    [Fact]
    public void Seconds_in_which_nothing_ended_are_no_evidence_either_way()
    {
        using var monitor = new TargetHealthMonitor(Threshold);
        monitor.OnInterval(Interval(0, answered: 0, network: 3));
        // A pause, or operations still waiting for their timeout: nothing ended, so nothing is known.
        for (int s = 1; s < 20; s++)
            monitor.OnInterval(Interval(s, answered: 0));
        Assert.Null(monitor.Failure);

        // Still failing 20 s later, with no answer in between: the target has been unreachable all along.
        monitor.OnInterval(Interval(20, answered: 0, timeouts: 2));
        Assert.Equal(new TargetFailure(0, 21, 3, 2, 5), monitor.Failure);
    }

    [Fact]
    public void Errors_the_target_answered_with_are_not_unreachability()
    {
        using var monitor = new TargetHealthMonitor(Threshold);
        // Every operation failing with a 500 or a validation error is bad (the error-rate rule judges it), but the target is up.
        for (int s = 0; s < 30; s++)
            monitor.OnInterval(Interval(s, answered: 50));
        Assert.Null(monitor.Failure);
    }

    [Fact]
    public void After_the_failure_later_intervals_change_nothing()
    {
        using var monitor = new TargetHealthMonitor(TimeSpan.FromSeconds(2));
        for (int s = 0; s < 2; s++)
            monitor.OnInterval(Interval(s, answered: 0, network: 4));
        var failure = monitor.Failure;
        monitor.OnInterval(Interval(2, answered: 10));
        monitor.OnInterval(Interval(3, answered: 0, network: 4));
        Assert.Same(failure, monitor.Failure);
    }

    [Fact]
    public void The_threshold_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TargetHealthMonitor(TimeSpan.Zero));
}
