using HdrHistogram;
using LoadLab.Core.Recording;
using ScottPlot;

namespace LoadLab.Reports.Charts;

/// <summary>
/// The "nines" axis of HdrHistogram's percentile plots: x = −log10(1 − p), so 0 %, 90 %, 99 %,
/// 99.9 % … sit one unit apart and the tail gets as much room as the body.
/// </summary>
internal static class NinesAxis
{
    /// <summary>Points per unit of x (per nine); enough for a smooth curve, cheap to compute.</summary>
    private const int StepsPerNine = 20;

    public static double X(double percentile) => -Math.Log10(1 - (percentile / 100.0));

    /// <summary>
    /// How far right a histogram's curve can go: with N values the highest distinct percentile is
    /// 1 − 1/N, i.e. log10(N) nines; beyond that every point would be the maximum.
    /// </summary>
    public static double MaxX(long count) => count <= 1 ? 1 : Math.Log10(count);

    /// <summary>The curve of one histogram: (nines, latency in ms) pairs ending at the maximum.</summary>
    public static (double[] X, double[] Y) Curve(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0) return ([], []);
        double maxX = MaxX(histogram.TotalCount);
        int steps = (int)Math.Ceiling(maxX * StepsPerNine);
        var xs = new double[steps + 1];
        var ys = new double[steps + 1];
        for (int i = 0; i < steps; i++)
        {
            double x = (double)i / StepsPerNine;
            xs[i] = x;
            ys[i] = LatencyScale.ToMilliseconds(histogram.GetValueAtPercentile(100.0 * (1 - Math.Pow(10, -x))));
        }

        xs[steps] = maxX;
        ys[steps] = LatencyScale.ToMilliseconds(histogram.GetMaxValue());
        return (xs, ys);
    }

    /// <summary>Ticks 0 %, 90 %, 99 %, 99.9 % … up to <paramref name="nines"/>.</summary>
    public static void Apply(Plot plot, double nines)
    {
        int last = Math.Max(1, (int)Math.Ceiling(nines));
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (int n = 0; n <= last; n++)
            ticks.AddMajor(n, Label(n));
        plot.Axes.Bottom.TickGenerator = ticks;
        // A little room right of the last tick keeps its label inside the picture.
        plot.Axes.SetLimitsX(0, last + 0.08);
    }

    /// <summary>0 → "0%", 1 → "90%", 2 → "99%", 3 → "99.9%".</summary>
    public static string Label(int nines) => nines switch
    {
        0 => "0%",
        1 => "90%",
        2 => "99%",
        _ => "99." + new string('9', nines - 2) + "%",
    };
}
