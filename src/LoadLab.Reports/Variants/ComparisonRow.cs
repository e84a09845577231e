namespace LoadLab.Reports.Variants;

/// <summary>Which value of a comparison row is the better one.</summary>
public enum Better
{
    /// <summary>No value is better (a count that only describes, such as units consumed).</summary>
    None,
    Lower,
    Higher,
}

/// <summary>
/// One metric of one scenario/operation (or of a table, or of the run) across the variants: a value
/// per variant (null when the variant has none) and which ones are the better.
/// </summary>
/// <param name="Group">What the row belongs to: "browse/get", "table Orders", "run".</param>
/// <param name="Metric">"p99", "throttle rate", "throttled: TableWriteKeyRangeThroughputExceeded", …</param>
/// <param name="Unit">"ms", "%", "$", "" …, for formatting.</param>
/// <param name="BestIndexes">Variants holding the better value; empty when all are equal, the row is descriptive, or fewer than two have a value.</param>
public sealed record ComparisonRow(string Group, string Metric, string Unit, IReadOnlyList<double?> Values, Better Better, IReadOnlyList<int> BestIndexes)
{
    /// <summary>Builds a row and marks its better values.</summary>
    public static ComparisonRow Of(string group, string metric, string unit, IReadOnlyList<double?> values, Better better) =>
        new(group, metric, unit, values, better, BestOf(values, better));

    /// <summary>
    /// The variants with the best value. Nothing is marked when there is no direction, fewer than two
    /// variants have a value, or every value is equal (within a relative 1e-9): a mark must mean a difference.
    /// </summary>
    public static IReadOnlyList<int> BestOf(IReadOnlyList<double?> values, Better better)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = values.Select((v, i) => (Value: v, Index: i)).Where(p => p.Value is { } x && double.IsFinite(x)).ToList();
        if (better == Better.None || present.Count < 2)
            return [];
        double best = better == Better.Lower ? present.Min(p => p.Value!.Value) : present.Max(p => p.Value!.Value);
        double worst = better == Better.Lower ? present.Max(p => p.Value!.Value) : present.Min(p => p.Value!.Value);
        if (Same(best, worst))
            return [];
        return [.. present.Where(p => Same(p.Value!.Value, best)).Select(p => p.Index)];
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
}
