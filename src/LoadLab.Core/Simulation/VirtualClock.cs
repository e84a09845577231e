namespace LoadLab.Core.Simulation;

/// <summary>
/// The virtual time a simulation runs on. Only the simulated engine moves it, forwards only; the capacity model reads
/// it as its <see cref="TimeProvider"/>, so buckets, auto scaling and splits see simulated time pass. Timers are not
/// supported: nothing on virtual time may wait for it to move.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private long elapsedTicks;

    /// <summary>The simulated moment the run started (also its report's start time).</summary>
    public DateTimeOffset Start { get; } = start;

    /// <summary>Virtual time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Volatile.Read(ref elapsedTicks));

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Volatile.Read(ref elapsedTicks);

    public override DateTimeOffset GetUtcNow() => Start + Elapsed;

    /// <summary>Moves the clock to <paramref name="elapsed"/> since the start; a moment already passed leaves it where it is.</summary>
    public void AdvanceTo(TimeSpan elapsed)
    {
        if (elapsed.Ticks > Volatile.Read(ref elapsedTicks))
            Volatile.Write(ref elapsedTicks, elapsed.Ticks);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("Nothing waits on virtual time: the simulated engine moves the clock itself.");
}
