using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Tracing;
using LoadLab.Tracing.Sampling;
using LoadLab.UnitTests.Tracing.Support;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Tracing;

/// <summary>Sampling decides on a coarse clock of the injected TimeProvider; kept operations still get precise times.</summary>
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
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var exporter = new MemoryExporter();
        var session = TracingSession.Create(
            new TracingOptions { Mode = TraceMode.XRay, ReservoirPerSecond = 0, Rate = 0, SlowThreshold = TimeSpan.FromMilliseconds(100) },
            new TraceRunInfo("run-1", "quickstart"), time, exporter);
        var scenario = TraceTestPlans.Scenario("get") with { Warmup = TimeSpan.Zero };
        var executor = session.Wrap(new DelayExecutor(time), new ScenarioTrace(scenario, "Customers", capture: null, itemIndexOf: null));

        var fast = executor.ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None).AsTask();
        await AdvanceAsync(time, 20);
        await fast;
        var slow = executor.ExecuteAsync(new OperationRequest(1, 0), CancellationToken.None).AsTask();
        await AdvanceAsync(time, 150);
        await slow;
        var summary = await session.CompleteAsync();
        var result = session.Apply(MiniResults.Run("browse", "get"), summary);

        Assert.Equal(1, summary.Kept);
        Assert.Equal(1, summary.KeptBy["slow"]);
        // A tail-kept operation's start is estimated from the coarse clock, which may lag by one period (5 ms for a
        // 100 ms threshold) when its refresh and the operation's end fall on the same tick.
        var segment = Assert.Single(exporter.Segments);
        Assert.InRange(segment.EndTime!.Value - segment.StartTime, 0.150 - 0.0051, 0.151);
        var exemplar = Assert.Single(result.Scenarios[0].Operations[0].Exemplars!);
        Assert.InRange(exemplar.LatencyMs, 150 - 5.1, 151);
        Assert.Equal(true, segment.Metadata.Single(m => m.Key == "latency_estimated").Value);
    }

    // One millisecond at a time, as real time passes, letting continuations run in between.
    private static async Task AdvanceAsync(FakeTimeProvider time, int milliseconds)
    {
        for (int i = 0; i < milliseconds; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }
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
