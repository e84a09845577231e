using LoadLab.Core.Budgets;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Charts;

/// <summary>
/// One point of a latency-over-time chart: the successful operations' p50/p95/p99 of one or more seconds, exact from
/// their ok histograms (a bucket of seconds adds them); without them (older files) the stored all-outcome p50/p99.
/// </summary>
internal sealed record IntervalLatency(double Start, double Length, bool OkOnly, double P50, double P95, double P99, double Max, double ServiceP99)
{
    public static IntervalLatency Of(OperationInterval[] bucket)
    {
        double start = bucket[0].Start, length = bucket[^1].Start + bucket[^1].Length - start;
        double max = bucket.Max(p => p.MaxMs), service = bucket.Max(p => p.ServiceP99Ms);
        var encoded = bucket.Where(p => p.Ok > 0).Select(p => p.OkLatencyEncoded()).ToList();
        if (encoded.Count > 0 && encoded.All(e => e is not null))
        {
            var pairs = encoded.SelectMany(e => SparseHistogram.Read(e!)).GroupBy(p => p.Micros).Select(g => (Micros: g.Key, Count: g.Sum(p => p.Count))).OrderBy(p => p.Micros).ToArray();
            return new IntervalLatency(start, length, true, At(pairs, 50), At(pairs, 95), At(pairs, 99), max, service);
        }

        if (encoded.Count == 0 && bucket.All(p => p.Completed > 0 && p.Ok == 0))
            return new IntervalLatency(start, length, true, double.NaN, double.NaN, double.NaN, max, service);
        long completed = bucket.Sum(p => p.Completed);
        double p50 = completed == 0 ? 0 : bucket.Sum(p => p.P50Ms * p.Completed) / completed;
        return new IntervalLatency(start, length, false, p50, double.NaN, bucket.Max(p => p.P99Ms), max, service);
    }

    private static double At((long Micros, long Count)[] pairs, double percentile)
    {
        long total = pairs.Sum(p => p.Count);
        long target = Math.Max(1, (long)Math.Ceiling(percentile / 100 * total - 1e-9));
        long seen = 0;
        foreach (var (micros, count) in pairs)
        {
            seen += count;
            if (seen >= target)
                return LatencyScale.ToMilliseconds(micros);
        }

        return LatencyScale.ToMilliseconds(pairs[^1].Micros);
    }
}
