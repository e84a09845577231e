using HdrHistogram;

namespace LoadLab.Core.Recording;

/// <summary>
/// One latency measure (e.g. corrected latency of ok gets): a wait-free interval recorder that
/// workers write to, and a cumulative histogram the sampler folds each interval into.
/// Memory stays constant however long the run.
/// </summary>
internal sealed class LatencyChannel(bool singleWriter = false)
{
    private readonly Recorder recorder = LatencyScale.NewRecorder(singleWriter);
    private readonly object sampleLock = new();
    private HistogramBase? spare;

    public LongHistogram Cumulative { get; } = LatencyScale.NewHistogram();

    /// <summary>The histogram of the interval most recently closed by <see cref="CloseInterval"/>.</summary>
    public LongHistogram LastInterval { get; } = LatencyScale.NewHistogram();

    public void Record(long micros) => recorder.RecordValue(LatencyScale.Clamp(micros));

    /// <summary>Swaps the recorder's active histogram, adds it to the cumulative one and keeps it as <see cref="LastInterval"/>.</summary>
    public void CloseInterval()
    {
        lock (sampleLock)
        {
            var interval = recorder.GetIntervalHistogram(spare);
            LastInterval.Reset();
            LastInterval.Add(interval);
            Cumulative.Add(interval);
            spare = interval;
        }
    }
}
