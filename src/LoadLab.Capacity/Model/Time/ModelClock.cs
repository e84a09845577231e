namespace LoadLab.Capacity.Model.Time;

/// <summary>
/// Reads the injected <see cref="TimeProvider"/> as seconds since the start of the UTC day the
/// model was created on. Day-aligned so that clock minutes, hours and UTC days (CloudWatch
/// datapoints, hourly billing, the daily decrease budget) are plain divisions; a double keeps
/// sub-microsecond resolution for years at this magnitude.
/// </summary>
internal sealed class ModelClock
{
    public const double SecondsPerDay = 86_400;

    private readonly TimeProvider time;
    private readonly long epochTicks;

    public ModelClock(TimeProvider time)
    {
        this.time = time;
        var now = time.GetUtcNow();
        Epoch = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        epochTicks = Epoch.UtcTicks;
        Start = Seconds(now);
    }

    /// <summary>Midnight UTC of the day the model started.</summary>
    public DateTimeOffset Epoch { get; }

    /// <summary>When the model started, in model seconds.</summary>
    public double Start { get; }

    public double Now() => Seconds(time.GetUtcNow());

    public double Seconds(DateTimeOffset at) => (at.UtcTicks - epochTicks) / (double)TimeSpan.TicksPerSecond;

    public DateTimeOffset ToTime(double seconds) => Epoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
