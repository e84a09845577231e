namespace LoadLab.Reports.Verdicts;

/// <summary>
/// Moving-block bootstrap over a run's seconds: blocks of consecutive seconds, drawn with replacement until the
/// series' length, keep the seconds' correlation (a throttle burst or a GC pause spans several), which resampling
/// single seconds would break and so understate the noise. Seeded, so a report says the same every time.
/// </summary>
internal static class BlockBootstrap
{
    /// <summary>The statistic over <see cref="Noise.Replicates"/> resamples of <paramref name="count"/> seconds; each call gets the resampled indexes.</summary>
    public static double[][] Replicates(int count, int seed, Func<int[], double[]> statistic)
    {
        var replicates = new double[Noise.Replicates][];
        if (count == 0)
            return [];
        int block = Noise.BlockLength(count);
        var random = new Random(seed);
        var indexes = new int[count];
        for (int r = 0; r < replicates.Length; r++)
        {
            int filled = 0;
            while (filled < count)
            {
                int start = random.Next(count - block + 1);
                for (int k = 0; k < block && filled < count; k++)
                    indexes[filled++] = start + k;
            }

            replicates[r] = statistic(indexes);
        }

        return replicates;
    }

    /// <summary>
    /// Whether <paramref name="a"/> − <paramref name="b"/> is clearly non-zero: the central 95 % of the replicate
    /// differences lies on one side of zero. Replicates without a value (an empty resample) are left out; too many and nothing is clear.
    /// </summary>
    public static bool Excludes0(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = Math.Min(a.Count, b.Count);
        var differences = new List<double>(n);
        for (int i = 0; i < n; i++)
        {
            if (double.IsFinite(a[i]) && double.IsFinite(b[i]))
                differences.Add(a[i] - b[i]);
        }

        if (n == 0 || differences.Count < 0.9 * n)
            return false;
        differences.Sort();
        double low = differences[(int)Math.Floor(0.025 * (differences.Count - 1))];
        double high = differences[(int)Math.Ceiling(0.975 * (differences.Count - 1))];
        return low > 0 || high < 0;
    }
}
