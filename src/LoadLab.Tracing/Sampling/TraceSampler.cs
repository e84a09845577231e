using LoadLab.Core.Outcomes;

namespace LoadLab.Tracing.Sampling;

/// <summary>
/// X-Ray style sampling made tail-aware. Up front (<see cref="SampleHead"/>): the first N operations of each second
/// (the reservoir), then a fixed share of the rest. At the end (<see cref="DecideTail"/>), for operations not sampled:
/// throttled, failed and slow ones are kept too, at most a capped number per second. Thread-safe and allocation-free.
/// </summary>
public sealed class TraceSampler
{
    private readonly PerSecondBudget reservoir;
    private readonly PerSecondBudget alwaysKeep;
    private readonly double rate;
    private readonly long slowTicks;
    private readonly long ticksPerSecond;
    private readonly Func<double>? random;
    private long overCap;

    /// <param name="timestampFrequency">Ticks per second of the timestamps passed in (<see cref="TimeProvider.TimestampFrequency"/>).</param>
    /// <param name="random">Uniform [0, 1) source for tests; by default a per-thread generator.</param>
    public TraceSampler(TracingOptions options, long timestampFrequency, Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        reservoir = new PerSecondBudget(options.ReservoirPerSecond);
        alwaysKeep = new PerSecondBudget(options.AlwaysKeepPerSecond);
        rate = options.Rate;
        ticksPerSecond = timestampFrequency;
        slowTicks = (long)Math.Ceiling(options.SlowThreshold.TotalSeconds * timestampFrequency);
        this.random = random;
    }

    /// <summary>Throttled, failed or slow operations not kept because the cap of their second was spent.</summary>
    public long OverCap => Volatile.Read(ref overCap);

    /// <summary>The up-front decision, taken when the operation starts at <paramref name="timestamp"/>.</summary>
    public bool SampleHead(long timestamp)
    {
        return reservoir.TryTake(timestamp / ticksPerSecond) || (rate > 0 && (rate >= 1 || (random?.Invoke() ?? FastRandom.NextDouble()) < rate));
    }

    /// <summary>
    /// The end-of-operation decision for an operation the head did not sample: why to keep it, or
    /// <see cref="KeepReason.None"/>. Only called once per operation; <paramref name="end"/> picks the second of the cap.
    /// </summary>
    public KeepReason DecideTail(in OperationOutcome outcome, long start, long end)
    {
        var reason = Classify(outcome, end - start);
        if (reason == KeepReason.None)
            return reason;
        if (!alwaysKeep.TryTake(end / ticksPerSecond))
        {
            Interlocked.Increment(ref overCap);
            return KeepReason.None;
        }

        return reason;
    }

    /// <summary>Why an operation deserves a trace regardless of sampling, most telling reason first.</summary>
    public KeepReason Classify(in OperationOutcome outcome, long elapsedTicks)
    {
        if (outcome.Kind == OutcomeKind.Throttled || outcome.ThrottledAttempts > 0)
            return KeepReason.Throttled;
        if (outcome.Kind.IsError())
            return KeepReason.Failed;
        return elapsedTicks >= slowTicks ? KeepReason.Slow : KeepReason.None;
    }
}
