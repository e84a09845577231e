namespace LoadLab.Reports.Verdicts;

/// <summary>
/// When a difference counts. A comparison marks a value better (✓) only when the difference is larger than the
/// noise: for figures that have per-second data, a 95 % confidence interval of the difference from a moving-block
/// bootstrap over the measured seconds must exclude zero, and the difference must also reach a minimum effect size;
/// figures without per-second data need a minimum of samples and the effect size alone. Everything else reads
/// "no clear difference". One place, so comparison.md/.html/.json and <c>loadlab compare</c> apply the same rules.
/// </summary>
public static class Noise
{
    /// <summary>Bootstrap replicates per figure: enough for stable 2.5 % and 97.5 % quantiles, cheap for an hour of seconds.</summary>
    public const int Replicates = 400;

    /// <summary>Fewer measured seconds than this and nothing is judged: a bootstrap over two or three seconds says nothing.</summary>
    public const int MinSeconds = 3;

    /// <summary>A percentile needs at least this many samples beyond it (p99: 1,000 samples; p99.9: 10,000).</summary>
    public const int TailSamples = 10;

    /// <summary>Latency: at least 5 % and 0.1 ms apart.</summary>
    public const double LatencyEffect = 0.05;

    public const double LatencyFloorMs = 0.1;

    /// <summary>Failure and throttle rates: at least 0.1 percentage points and a quarter of the larger rate apart.</summary>
    public const double RatePoints = 0.1;

    public const double RateRelative = 0.25;

    /// <summary>Goodput: at least 2 % apart.</summary>
    public const double GoodputEffect = 0.02;

    /// <summary>Cost and attempts per call (no per-second data): at least 5 % apart, over at least <see cref="MinOperations"/> operations each.</summary>
    public const double RatioEffect = 0.05;

    public const int MinOperations = 100;

    /// <summary>The rules in words, for the reports and comparison.json.</summary>
    public static string Description { get; } =
        FormattableString.Invariant($"✓ only where a difference is larger than the noise: a 95 % confidence interval from a moving-block bootstrap over the measured seconds ({Replicates} replicates, blocks of ∛n seconds) must exclude zero, ") +
        FormattableString.Invariant($"and the effect must reach {LatencyEffect * 100:0} % (and {LatencyFloorMs} ms) for latency, {RatePoints} points and {RateRelative * 100:0} % for failure and throttle rates, {GoodputEffect * 100:0} % for goodput; ") +
        FormattableString.Invariant($"a percentile needs {TailSamples} samples beyond it (p99: 1,000); cost and attempts per call need {RatioEffect * 100:0} % over at least {MinOperations} operations each. ") +
        "A design that fails more never wins latency or cost; what-if prices are shown, never ranked.";

    /// <summary>Samples a percentile needs: <see cref="TailSamples"/> beyond it.</summary>
    public static long MinSamples(double percentile) => percentile >= 100 ? long.MaxValue : (long)Math.Ceiling(Math.Round(TailSamples / (1 - (percentile / 100)), 6));

    /// <summary>Block length: the cube root of the series length (the usual rate for moving blocks), 1 to 10 seconds.</summary>
    public static int BlockLength(int seconds) => Math.Clamp((int)Math.Round(Math.Cbrt(seconds)), 1, 10);

    /// <summary>Whether two rates (in %) are far enough apart to matter, whatever the noise.</summary>
    public static bool RateEffect(double a, double b) =>
        Math.Abs(a - b) >= RatePoints && Math.Abs(a - b) >= RateRelative * Math.Max(Math.Abs(a), Math.Abs(b));

    public static bool LatencyEffectReached(double a, double b) =>
        Math.Abs(a - b) >= LatencyFloorMs && Math.Abs(a - b) >= LatencyEffect * Math.Max(a, b);

    public static bool Relative(double a, double b, double effect) => Math.Abs(a - b) >= effect * Math.Max(Math.Abs(a), Math.Abs(b)) && a != b;
}
