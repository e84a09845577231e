using HdrHistogram;
using LoadLab.Core.Recording;

namespace LoadLab.Core.Results;

/// <summary>Percentiles of one latency measure, in milliseconds.</summary>
/// <param name="P95Ms">The 95th percentile; null in files written before it was kept.</param>
public sealed record LatencySummary(long Count, double MeanMs, double P50Ms, double P90Ms, double P99Ms, double P999Ms, double MaxMs, double? P95Ms = null)
{
    public static readonly LatencySummary Empty = new(0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary From(HistogramBase h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.TotalCount == 0) return Empty;
        return new LatencySummary(
            h.TotalCount,
            Math.Round(h.GetMean() / 1000.0, 3),
            Ms(h, 50),
            Ms(h, 90),
            Ms(h, 99),
            Ms(h, 99.9),
            LatencyScale.ToMilliseconds(h.GetMaxValue()),
            Ms(h, 95));
    }

    private static double Ms(HistogramBase h, double percentile) => LatencyScale.ToMilliseconds(h.GetValueAtPercentile(percentile));
}
