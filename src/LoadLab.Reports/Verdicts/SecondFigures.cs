using System.Globalization;

namespace LoadLab.Reports.Verdicts;

/// <summary>Bootstrap replicates of the figures that have per-second data: rates of counts, goodput and latency percentiles.</summary>
internal static class SecondFigures
{
    /// <summary>Replicates of Σ numerator / Σ denominator × <paramref name="scale"/>; null when there are too few seconds.</summary>
    public static double[]? Ratio(IReadOnlyList<MeasuredSecond> seconds, Func<MeasuredSecond, double> numerator, Func<MeasuredSecond, double> denominator, double scale, int seed)
    {
        if (seconds.Count < Noise.MinSeconds)
            return null;
        var replicates = BlockBootstrap.Replicates(seconds.Count, seed, indexes =>
        {
            double n = 0, d = 0;
            foreach (int i in indexes)
            {
                n += numerator(seconds[i]);
                d += denominator(seconds[i]);
            }

            return [d > 0 ? n / d * scale : double.NaN];
        });
        return [.. replicates.Select(r => r[0])];
    }

    /// <summary>
    /// Replicates of the ok latency percentiles (ms), one array per percentile; null when there are too few seconds
    /// or a second lacks its ok histogram (files written before it existed).
    /// </summary>
    public static double[][]? Percentiles(IReadOnlyList<MeasuredSecond> seconds, IReadOnlyList<double> percentiles, int seed)
    {
        if (seconds.Count < Noise.MinSeconds || seconds.Any(s => s.OkLatency is null))
            return null;
        // One dense index over the values seen, so a replicate adds counts into an array instead of merging histograms.
        var values = seconds.SelectMany(s => s.OkLatency!).Select(p => p.Micros).Distinct().Order().ToArray();
        var index = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var compact = seconds.Select(s => s.OkLatency!.Select(p => (Index: index[p.Micros], p.Count)).ToArray()).ToArray();
        var counts = new long[values.Length];
        var replicates = BlockBootstrap.Replicates(seconds.Count, seed, indexes =>
        {
            Array.Clear(counts);
            long total = 0;
            foreach (int i in indexes)
            {
                foreach (var (at, count) in compact[i])
                {
                    counts[at] += count;
                    total += count;
                }
            }

            var result = new double[percentiles.Count];
            for (int p = 0; p < percentiles.Count; p++)
                result[p] = total == 0 ? double.NaN : ValueAt(values, counts, total, percentiles[p]) / 1000.0;
            return result;
        });
        return [.. Enumerable.Range(0, percentiles.Count).Select(p => replicates.Select(r => r[p]).ToArray())];
    }

    /// <summary>A stable seed per variant and figure (string.GetHashCode is randomised per process).</summary>
    public static int Seed(params string[] parts)
    {
        uint h = 2166136261;
        foreach (char c in string.Join('\u001f', parts))
            h = (h ^ c) * 16777619;
        return (int)(h & 0x7fffffff);
    }

    public static string Label(double percentile) => percentile >= 100 ? "max" : "p" + percentile.ToString("0.#####", CultureInfo.InvariantCulture);

    // HdrHistogram's rule: the smallest value with at least p % of the count at or below it.
    private static long ValueAt(long[] values, long[] counts, long total, double percentile)
    {
        long target = Math.Max(1, (long)Math.Ceiling(percentile / 100 * total - 1e-9));
        long seen = 0;
        for (int i = 0; i < values.Length; i++)
        {
            seen += counts[i];
            if (seen >= target)
                return values[i];
        }

        return values[^1];
    }
}
