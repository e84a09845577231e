namespace LoadLab.Tracing.Sampling;

/// <summary>
/// A timestamp of the injected <see cref="TimeProvider"/>, refreshed by a timer every <see cref="Period"/>, read with
/// one memory load. Sampling decisions only need millisecond precision (which second for the reservoir, whether an
/// operation passed a 100 ms threshold), and a precise clock read costs 20–60 ns: twice per operation that is most of
/// what tracing would cost. Operations that are kept read the precise clock.
/// </summary>
internal sealed class CoarseClock : IDisposable
{
    /// <summary>
    /// The refresh period for a slow threshold: a twentieth of it (5 % error on the slow decision), at most 5 ms.
    /// Each refresh is a timer callback; at 5 ms that is 200 a second, nothing next to the load.
    /// </summary>
    public static TimeSpan PeriodFor(TimeSpan slowThreshold) =>
        TimeSpan.FromTicks(Math.Clamp(slowThreshold.Ticks / 20, TimeSpan.TicksPerMillisecond / 2, 5 * TimeSpan.TicksPerMillisecond));

    private readonly TimeProvider time;
    private readonly ITimer timer;
    private long now;

    public CoarseClock(TimeProvider time, TimeSpan period)
    {
        this.time = time;
        Period = period;
        now = time.GetTimestamp();
        timer = time.CreateTimer(static state => ((CoarseClock)state!).Refresh(), this, period, period);
    }

    public TimeSpan Period { get; }

    /// <summary>The timestamp at the last refresh: at most about one period (plus timer lag) behind.</summary>
    public long Now => Volatile.Read(ref now);

    public void Dispose() => timer.Dispose();

    private void Refresh() => Volatile.Write(ref now, time.GetTimestamp());
}
