using HdrHistogram;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Core.Merging;

/// <summary>
/// Lines up per-interval series of several shards on whole seconds since the earliest shard's
/// start, then adds them: counts add, interval histograms add exactly and the percentiles are
/// recomputed from the sum.
/// </summary>
internal static class SeriesAlignment
{
    public static IReadOnlyList<OperationInterval> MergeOperationSeries(IReadOnlyList<(double Offset, IReadOnlyList<OperationInterval> Series)> parts)
    {
        var buckets = new SortedDictionary<long, List<OperationInterval>>();
        foreach (var (offset, series) in parts)
        {
            foreach (var point in series)
                Bucket(buckets, offset + point.Start).Add(point);
        }

        return buckets.Select(b => Combine(b.Key, b.Value)).ToArray();
    }

    public static IReadOnlyList<ScenarioInterval> MergeScenarioSeries(IReadOnlyList<(double Offset, IReadOnlyList<ScenarioInterval> Series)> parts)
    {
        var buckets = new SortedDictionary<long, List<ScenarioInterval>>();
        foreach (var (offset, series) in parts)
        {
            foreach (var point in series)
                Bucket(buckets, offset + point.Start).Add(point);
        }

        return buckets.Select(b => new ScenarioInterval(
            b.Key,
            b.Value.Max(p => p.Length),
            b.Value[0].Phase,
            Math.Round(b.Value.Sum(p => p.TargetOps), 3),
            b.Value.Sum(p => p.Started),
            b.Value.Sum(p => p.Completed),
            b.Value.Sum(p => p.Dropped),
            b.Value.Max(p => p.LatenessP99Ms),
            b.Value.Sum(p => p.InFlight))).ToArray();
    }

    private static List<T> Bucket<T>(SortedDictionary<long, List<T>> buckets, double start)
    {
        long second = (long)Math.Floor(start + 1e-6);
        if (!buckets.TryGetValue(second, out var list))
            buckets[second] = list = [];
        return list;
    }

    private static OperationInterval Combine(long second, List<OperationInterval> points)
    {
        HistogramBase? sum = null;
        bool exact = points.All(p => p.Histogram is not null || p.Completed == 0);
        if (exact)
        {
            sum = LatencyScale.NewHistogram();
            foreach (var p in points.Where(p => p.Histogram is not null))
                sum.Add(HistogramCodec.Decode(p.Histogram!));
        }

        long completed = points.Sum(p => p.Completed);
        long ok = points.Sum(p => p.Ok);
        long events = points.Sum(p => p.ThrottleEvents ?? 0);
        return new OperationInterval(
            second,
            points.Max(p => p.Length),
            completed,
            points.Sum(p => p.Ok),
            points.Sum(p => p.Throttled),
            points.Sum(p => p.Errors),
            sum is { TotalCount: > 0 } ? Ms(sum, 50) : points.Max(p => p.P50Ms),
            sum is { TotalCount: > 0 } ? Ms(sum, 99) : points.Max(p => p.P99Ms),
            sum is { TotalCount: > 0 } ? LatencyScale.ToMilliseconds(sum.GetMaxValue()) : points.Max(p => p.MaxMs),
            points.Max(p => p.ServiceP50Ms),
            points.Max(p => p.ServiceP99Ms),
            sum is { TotalCount: > 0 } ? HistogramCodec.Encode(sum) : null,
            ok == completed ? null : OkSum(points),
            events > 0 ? events : null);
    }

    /// <summary>The shards' ok histograms added; null when one shard's is unknown (no exact merge then).</summary>
    private static string? OkSum(List<OperationInterval> points)
    {
        var sum = LatencyScale.NewHistogram();
        foreach (var p in points.Where(p => p.Ok > 0))
        {
            if (p.OkLatencyEncoded() is not { } encoded) return null;
            sum.Add(HistogramCodec.Decode(encoded));
        }

        return sum.TotalCount > 0 ? HistogramCodec.Encode(sum) : null;
    }

    private static double Ms(HistogramBase h, double percentile) => LatencyScale.ToMilliseconds(h.GetValueAtPercentile(percentile));
}
