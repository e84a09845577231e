using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Tracing;
using LoadLab.Tracing.Sampling;
using LoadLab.UnitTests.Core.Support;
using LoadLab.UnitTests.Tracing.Support;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Tracing;

/// <summary>Sampling decides on a coarse clock of the injected TimeProvider; kept operations still get precise times.</summary>
[Collection(VirtualClockCollection.Name)]
public sealed class CoarseClockTests
{
    [Fact]
    public void The_coarse_clock_follows_the_time_provider_one_period_at_a_time()
    {
        var time = new FakeTimeProvider();
        using var clock = new CoarseClock(time, TimeSpan.FromMilliseconds(1));
        long start = clock.Now;

        time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond / 2));
        Assert.Equal(start, clock.Now);
        time.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond / 2));
        Assert.Equal(time.GetTimestamp(), clock.Now);
    }

    [Fact]
    public async Task A_slow_operation_is_kept_at_the_end_with_its_duration_on_virtual_time()
    {
        var time = new VirtualClock(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var exporter = new MemoryExporter();
        var session = TracingSession.Create(
            new TracingOptions { Mode = TraceMode.XRay, ReservoirPerSecond = 0, Rate = 0, SlowThreshold = TimeSpan.FromMilliseconds(100) },
            new TraceRunInfo("run-1", "quickstart"), time, exporter);
        var scenario = TraceTestPlans.Scenario("get") with { Warmup = TimeSpan.Zero };
        var executor = session.Wrap(new DelayExecutor(time), new ScenarioTrace(scenario, "Customers", capture: null, itemIndexOf: null));

        // A 20 ms operation, then a 150 ms one, on virtual time that moves from timer to timer.
        var summary = await time.RunAsync(
            async () =>
            {
                await executor.ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);
                await executor.ExecuteAsync(new OperationRequest(1, 0), CancellationToken.None);
                return await session.CompleteAsync();
            },
            TimeSpan.FromMinutes(1));
        var result = session.Apply(MiniResults.Run("browse", "get"), summary);

        Assert.Equal(1, summary.Kept);
        Assert.Equal(1, summary.KeptBy["slow"]);
        // A tail-kept operation's start is estimated from the coarse clock, which may lag by one period (5 ms for a
        // 100 ms threshold) when its refresh and the operation's end fall on the same tick. On the virtual clock the
        // operations' timers fire before the refresh due at the same instant, so the clock lags by one period at
        // the start and at the end alike, and the estimate comes out exact.
        var segment = Assert.Single(exporter.Segments);
        Assert.Equal(0.150, segment.EndTime!.Value - segment.StartTime, 6);
        var exemplar = Assert.Single(result.Scenarios[0].Operations[0].Exemplars!);
        Assert.Equal(150, exemplar.LatencyMs);
        Assert.Equal(true, segment.Metadata.Single(m => m.Key == "latency_estimated").Value);
    }

    /// <summary>Waits 20 ms of virtual time, then 150 ms on the second call.</summary>
    private sealed class DelayExecutor(TimeProvider time) : IOperationExecutor
    {
        public async ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(request.Sequence == 0 ? 20 : 150), time, cancellationToken);
            return OperationOutcome.Ok;
        }
    }
}
