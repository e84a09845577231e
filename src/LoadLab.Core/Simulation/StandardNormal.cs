namespace LoadLab.Core.Simulation;

/// <summary>
/// The standard normal's quantile function, by P. J. Acklam's rational approximation (relative error below 1.2e-9):
/// one uniform draw gives one normal draw, with no cached second value (Box-Muller's) to carry between calls, so a
/// sampler stays stateless and a seed replays it. Central region: a rational function; tails: one log and one sqrt.
/// </summary>
public static class StandardNormal
{
    private const double Low = 0.02425;
    private const double High = 1 - Low;

    private const double A1 = -3.969683028665376e+01, A2 = 2.209460984245205e+02, A3 = -2.759285104469687e+02;
    private const double A4 = 1.383577518672690e+02, A5 = -3.066479806614716e+01, A6 = 2.506628277459239e+00;
    private const double B1 = -5.447609879822406e+01, B2 = 1.615858368580409e+02, B3 = -1.556989798598866e+02;
    private const double B4 = 6.680131188771972e+01, B5 = -1.328068155288572e+01;
    private const double C1 = -7.784894002430293e-03, C2 = -3.223964580411365e-01, C3 = -2.400758277161838e+00;
    private const double C4 = -2.549732539343734e+00, C5 = 4.374664141464968e+00, C6 = 2.938163982698783e+00;
    private const double D1 = 7.784695709041462e-03, D2 = 3.224671290700398e-01, D3 = 2.445134137142996e+00;
    private const double D4 = 3.754408661907416e+00;

    // Random.NextDouble may return 0: the quantile of 0 is -∞, so the draw is moved to the smallest step above it.
    private const double Smallest = 1.0 / (1L << 53);

    /// <summary>z such that P(Z ≤ z) = <paramref name="p"/>, for p in [0, 1) (a draw of <see cref="Random.NextDouble"/>).</summary>
    public static double Quantile(double p)
    {
        if (p < Smallest)
            p = Smallest;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6) / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }

        if (p <= High)
        {
            var q = p - 0.5;
            var r = q * q;
            return (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
        }

        var t = Math.Sqrt(-2 * Math.Log(1 - p));
        return -(((((C1 * t + C2) * t + C3) * t + C4) * t + C5) * t + C6) / ((((D1 * t + D2) * t + D3) * t + D4) * t + 1);
    }
}
