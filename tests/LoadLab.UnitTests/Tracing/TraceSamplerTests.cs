using LoadLab.Core.Outcomes;
using LoadLab.Tracing;
using LoadLab.Tracing.Sampling;

namespace LoadLab.UnitTests.Tracing;

/// <summary>Sampling statistics on a virtual clock: 1,000 ticks per second, decisions fed as a load would.</summary>
public sealed class TraceSamplerTests
{
    private const long Frequency = 1000;

    [Fact]
    public void The_reservoir_takes_exactly_N_per_second_and_nothing_else_at_rate_zero()
    {
        var sampler = new TraceSampler(new TracingOptions { ReservoirPerSecond = 3, Rate = 0 }, Frequency);

        var perSecond = new int[10];
        for (long t = 0; t < 10 * Frequency; t++)
        {
            // Five operations per tick: 5,000 per second.
            for (int i = 0; i < 5; i++)
                if (sampler.SampleHead(t)) perSecond[t / Frequency]++;
        }

        Assert.All(perSecond, n => Assert.Equal(3, n));
    }

    [Fact]
    public void The_rate_applies_to_the_rest_within_tolerance()
    {
        var random = new Random(1234);
        var sampler = new TraceSampler(new TracingOptions { ReservoirPerSecond = 1, Rate = 0.01 }, Frequency, random.NextDouble);

        int sampled = 0;
        const int operations = 200_000;
        for (int i = 0; i < operations; i++)
            if (sampler.SampleHead(i / 20)) sampled++; // 20 per tick: 20,000 per second for 10 s

        // 10 from the reservoir plus 1 % of the rest: 2,000 expected; 4 standard deviations is about ±178.
        double expected = 10 + (0.01 * (operations - 10));
        Assert.InRange(sampled, expected - 180, expected + 180);
    }

    [Fact]
    public void Throttled_operations_are_always_kept_while_under_the_cap()
    {
        var sampler = new TraceSampler(new TracingOptions { ReservoirPerSecond = 0, Rate = 0, AlwaysKeepPerSecond = 20 }, Frequency);
        var throttled = new OperationOutcome(OutcomeKind.Throttled, Attempts: 3, ThrottledAttempts: 3);

        // 15 throttles in each of 5 seconds: under the cap, all kept.
        int kept = 0;
        for (int s = 0; s < 5; s++)
            for (int i = 0; i < 15; i++)
                if (sampler.DecideTail(throttled, s * Frequency, (s * Frequency) + i) == KeepReason.Throttled) kept++;

        Assert.Equal(75, kept);
        Assert.Equal(0, sampler.OverCap);
    }

    [Fact]
    public void The_cap_bounds_kept_throttles_per_second_and_counts_the_rest()
    {
        var sampler = new TraceSampler(new TracingOptions { ReservoirPerSecond = 0, Rate = 0, AlwaysKeepPerSecond = 20 }, Frequency);
        var recovered = new OperationOutcome(OutcomeKind.Ok, Attempts: 2, ThrottledAttempts: 1, Reason: "KeyRangeThroughputExceeded");

        var perSecond = new int[3];
        for (long t = 0; t < 3 * Frequency; t++)
            if (sampler.DecideTail(recovered, t, t) == KeepReason.Throttled) perSecond[t / Frequency]++;

        Assert.All(perSecond, n => Assert.Equal(20, n));
        Assert.Equal((3 * Frequency) - 60, sampler.OverCap);
    }

    [Fact]
    public void Failed_and_slow_operations_are_kept_and_plain_fast_ones_are_not()
    {
        var options = new TracingOptions { ReservoirPerSecond = 0, Rate = 0, SlowThreshold = TimeSpan.FromMilliseconds(100) };
        var sampler = new TraceSampler(options, Frequency);

        Assert.Equal(KeepReason.Failed, sampler.DecideTail(new OperationOutcome(OutcomeKind.ServerError), 0, 1));
        Assert.Equal(KeepReason.Failed, sampler.DecideTail(new OperationOutcome(OutcomeKind.Timeout), 0, 1));
        Assert.Equal(KeepReason.Slow, sampler.DecideTail(OperationOutcome.Ok, 0, 100));
        Assert.Equal(KeepReason.None, sampler.DecideTail(OperationOutcome.Ok, 0, 99));
        // A failed condition is an expected answer, not a failure.
        Assert.Equal(KeepReason.None, sampler.DecideTail(new OperationOutcome(OutcomeKind.ConditionFailed), 0, 1));
    }

    [Fact]
    public void Concurrent_threads_never_take_more_than_the_reservoir()
    {
        var sampler = new TraceSampler(new TracingOptions { ReservoirPerSecond = 50, Rate = 0 }, Frequency);
        int taken = 0;

        Parallel.For(0, 100_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            if (sampler.SampleHead(7 * Frequency)) Interlocked.Increment(ref taken);
        });

        Assert.Equal(50, taken);
    }
}
