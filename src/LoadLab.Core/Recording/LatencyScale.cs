using HdrHistogram;

namespace LoadLab.Core.Recording;

/// <summary>Latencies are recorded in microseconds, from 1 µs to 1 hour, with 3 significant digits.</summary>
public static class LatencyScale
{
    public const long HighestMicros = 3_600_000_000;
    public const int SignificantDigits = 3;

    public static LongHistogram NewHistogram() => new(HighestMicros, SignificantDigits);

    /// <param name="singleWriter">
    /// True when one thread records and samples (the virtual engine): plain histograms then, which the sampler adds
    /// up three times faster than the concurrent ones many writers need.
    /// </param>
    internal static Recorder NewRecorder(bool singleWriter = false) => singleWriter
        ? HistogramFactory.With64BitBucketSize()
            .WithValuesFrom(1)
            .WithValuesUpTo(HighestMicros)
            .WithPrecisionOf(SignificantDigits)
            .WithThreadSafeReads()
            .Create()
        : HistogramFactory.With64BitBucketSize()
            .WithValuesFrom(1)
            .WithValuesUpTo(HighestMicros)
            .WithPrecisionOf(SignificantDigits)
            .WithThreadSafeWrites()
            .WithThreadSafeReads()
            .Create();

    public static long Clamp(long micros) => micros < 0 ? 0 : Math.Min(micros, HighestMicros);

    public static double ToMilliseconds(long micros) => micros / 1000.0;
}
