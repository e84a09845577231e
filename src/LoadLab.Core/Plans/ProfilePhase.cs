namespace LoadLab.Core.Plans;

/// <summary>One point of a traffic curve: seconds from the phase's start and the arrival rate (per second) there.</summary>
public readonly record struct RatePoint(double Seconds, double Rate);

/// <summary>
/// Open model: a traffic curve read from a file (<c>profile: { file: … }</c>), linear between its points,
/// lasting until the last one. The arrival schedule treats it as the sequence of ramps it is; it stays
/// one phase so plans, live views and results name it once (docs/load-model.md §3).
/// </summary>
public sealed record ProfilePhase : LoadPhase
{
    /// <param name="source">The file as the suite names it, for people.</param>
    /// <param name="points">At least two points, the first at 0 s, times strictly increasing, rates finite and ≥ 0.</param>
    public ProfilePhase(string source, IReadOnlyList<RatePoint> points)
        : base(TimeSpan.FromSeconds(Checked(points)[^1].Seconds))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        Source = source;
        Points = [.. points];
        double total = 0, peak = 0;
        for (int i = 0; i < Points.Count; i++)
        {
            peak = Math.Max(peak, Points[i].Rate);
            if (i > 0)
                total += (Points[i - 1].Rate + Points[i].Rate) / 2 * (Points[i].Seconds - Points[i - 1].Seconds);
        }

        Peak = peak;
        TotalArrivals = total;
    }

    /// <summary>The file as the suite names it.</summary>
    public string Source { get; }

    /// <summary>The curve's points; the phase is linear between them.</summary>
    public IReadOnlyList<RatePoint> Points { get; }

    /// <summary>Highest rate of the curve (a point's rate: linear pieces peak at their ends).</summary>
    public double Peak { get; }

    /// <summary>Expected arrivals over the phase: the integral of the curve.</summary>
    public double TotalArrivals { get; }

    /// <summary>Mean rate over the phase.</summary>
    public double Mean => TotalArrivals / Points[^1].Seconds;

    public override bool IsOpen => true;

    public override string Describe() =>
        Formatting.Invariant($"profile {Source} over {Fmt(Duration)} (peak {Peak:0.##}/s, mean {Mean:0.##}/s)");

    /// <summary>
    /// Time compressed or stretched, rates kept (<c>--duration-scale</c>). Never shorter than a millisecond,
    /// like every scaled phase, so the curve stays a curve.
    /// </summary>
    public override LoadPhase Scale(double factor)
    {
        double shortest = 0.001 / Points[^1].Seconds;
        double f = Math.Max(factor, shortest);
        return new ProfilePhase(Source, [.. Points.Select(p => p with { Seconds = p.Seconds * f })]);
    }

    /// <summary>Every rate multiplied, times kept (the suite's <c>scale:</c>, a shard's share).</summary>
    public ProfilePhase ScaleRates(double factor) =>
        new(Source, [.. Points.Select(p => p with { Rate = p.Rate * factor })]);

    // Equality by value: the same file read twice is the same phase.
    public bool Equals(ProfilePhase? other) =>
        other is not null && base.Equals(other) && Source == other.Source && Points.SequenceEqual(other.Points);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Source, Points.Count, Points[^1]);

    private static IReadOnlyList<RatePoint> Checked(IReadOnlyList<RatePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        // The suite binder reports bad curves to people; reaching here with one is a programming error.
        if (points.Count < 2)
            throw new ArgumentException("A profile needs at least two points.", nameof(points));
        if (points[0].Seconds != 0)
            throw new ArgumentException("A profile's first point is at 0 s.", nameof(points));
        for (int i = 0; i < points.Count; i++)
        {
            if (!double.IsFinite(points[i].Rate) || points[i].Rate < 0)
                throw new ArgumentException("A profile's rates are finite and not negative.", nameof(points));
            if (i > 0 && !(points[i].Seconds > points[i - 1].Seconds))
                throw new ArgumentException("A profile's times increase strictly.", nameof(points));
        }

        return points;
    }
}
