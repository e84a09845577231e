namespace LoadLab.Reports.Verdicts;

/// <summary>
/// One variant's value of one figure: the point value (from the run's totals), its bootstrap replicates when the
/// figure has per-second data, and whether there is enough data to judge it at all.
/// </summary>
/// <param name="Shortfall">Why the figure cannot be judged (too few seconds or samples), or null.</param>
internal sealed record Estimate(double? Value, IReadOnlyList<double>? Replicates, string? Shortfall = null)
{
    public static readonly Estimate None = new(null, null, null);

    public bool Enough => Value is not null && Shortfall is null;
}

/// <summary>Which way a figure is better, and how far apart two values must be to matter.</summary>
internal sealed record Direction(bool LowerIsBetter, Func<double, double, bool> Effect);

/// <summary>Picks the better variant of a figure under <see cref="Noise"/>'s rules.</summary>
internal static class Ranking
{
    /// <summary>
    /// The variant with the best value, when it is clearly better than every other variant with a value: the effect is
    /// large enough and, where both have replicates, the bootstrap interval of the difference excludes zero. Null when
    /// fewer than two variants have a value, values tie, or any difference is within the noise.
    /// </summary>
    public static int? Best(IReadOnlyList<Estimate> estimates, Direction direction)
    {
        var present = estimates.Select((e, i) => (Estimate: e, Index: i)).Where(p => p.Estimate.Value is not null).ToList();
        if (present.Count < 2)
            return null;
        var best = direction.LowerIsBetter ? present.MinBy(p => p.Estimate.Value!.Value) : present.MaxBy(p => p.Estimate.Value!.Value);
        foreach (var other in present.Where(p => p.Index != best.Index))
        {
            if (!Clearly(best.Estimate, other.Estimate, direction))
                return null;
        }

        return best.Index;
    }

    /// <summary>True when <paramref name="better"/> is clearly better than <paramref name="worse"/>.</summary>
    public static bool Clearly(Estimate better, Estimate worse, Direction direction)
    {
        if (!better.Enough || !worse.Enough)
            return false;
        double a = better.Value!.Value, b = worse.Value!.Value;
        bool ahead = direction.LowerIsBetter ? a < b : a > b;
        if (!ahead || !direction.Effect(a, b))
            return false;
        // Figures without per-second data (cost, attempts) rest on the effect size and the samples behind Enough.
        return better.Replicates is null || worse.Replicates is null || BlockBootstrap.Excludes0(better.Replicates, worse.Replicates);
    }
}
