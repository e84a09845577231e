namespace LoadLab.Tracing.Segments;

/// <summary>
/// Turns monotonic timestamps of a <see cref="TimeProvider"/> into epoch seconds, anchored once: the hot path reads only
/// the cheap monotonic clock, and the times of one trace stay consistent even if the wall clock is adjusted mid-run.
/// </summary>
public sealed class EpochClock
{
    private readonly double anchorEpochSeconds;
    private readonly long anchorTimestamp;
    private readonly double frequency;

    public EpochClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Time = time;
        anchorTimestamp = time.GetTimestamp();
        anchorEpochSeconds = time.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        frequency = time.TimestampFrequency;
    }

    public TimeProvider Time { get; }

    /// <summary>Epoch seconds, rounded to the microsecond resolution X-Ray recommends.</summary>
    public double EpochSeconds(long timestamp) => Math.Round(anchorEpochSeconds + ((timestamp - anchorTimestamp) / frequency), 6);

    public DateTimeOffset UtcAt(long timestamp) => DateTimeOffset.FromUnixTimeMilliseconds(0).AddTicks((long)Math.Round(EpochSeconds(timestamp) * TimeSpan.TicksPerSecond));
}
