namespace LoadLab.Core.Keys;

/// <summary>
/// Zipf-distributed ranks 1..n with P(k) ∝ k^−s for any exponent s &gt; 0, by rejection-inversion
/// (W. Hörmann and G. Derflinger, "Rejection-inversion to generate variates from monotone discrete
/// distributions", 1996). Setup is O(1), so key spaces of any size cost nothing to prepare —
/// unlike YCSB's method, which sums n terms and needs s &lt; 1.
/// </summary>
public sealed class ZipfSampler
{
    private readonly long n;
    private readonly double s;
    private readonly double hIntegralX1;
    private readonly double hIntegralN;
    private readonly double threshold;

    public ZipfSampler(long n, double exponent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (!(exponent > 0)) throw new ArgumentOutOfRangeException(nameof(exponent), "The exponent must be above 0.");
        this.n = n;
        s = exponent;
        hIntegralX1 = HIntegral(1.5) - 1.0;
        hIntegralN = HIntegral(n + 0.5);
        threshold = 2.0 - HIntegralInverse(HIntegral(2.5) - H(2));
    }

    /// <summary>A rank in 1..n; <paramref name="uniform"/> supplies independent uniforms in [0, 1) for each draw.</summary>
    public long Sample(Func<int, double> uniform)
    {
        ArgumentNullException.ThrowIfNull(uniform);
        for (int draw = 0; ; draw++)
        {
            double u = hIntegralN + (uniform(draw) * (hIntegralX1 - hIntegralN));
            double x = HIntegralInverse(u);
            long k = (long)(x + 0.5);
            if (k < 1) k = 1;
            else if (k > n) k = n;
            // Accept at once when k is close to x, otherwise when u lies under the histogram bar of k.
            if (k - x <= threshold || u >= HIntegral(k + 0.5) - H(k))
                return k;
        }
    }

    private double H(double x) => Math.Exp(-s * Math.Log(x));

    private double HIntegral(double x)
    {
        double logX = Math.Log(x);
        return Helper2((1.0 - s) * logX) * logX;
    }

    private double HIntegralInverse(double x)
    {
        double t = x * (1.0 - s);
        if (t < -1.0) t = -1.0; // rounding near the end of the range
        return Math.Exp(Helper1(t) * x);
    }

    /// <summary>log(1 + x) / x, accurate near 0.</summary>
    private static double Helper1(double x) =>
        Math.Abs(x) > 1e-8 ? Math.Log(1 + x) / x : 1.0 - (x * (0.5 - (x * (1.0 / 3.0 - (0.25 * x)))));

    /// <summary>(exp(x) − 1) / x, accurate near 0.</summary>
    private static double Helper2(double x) =>
        Math.Abs(x) > 1e-8 ? (Math.Exp(x) - 1) / x : 1.0 + (x * 0.5 * (1.0 + (x * (1.0 / 3.0) * (1.0 + (0.25 * x)))));
}
