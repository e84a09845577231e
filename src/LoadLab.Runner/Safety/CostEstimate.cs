namespace LoadLab.Runner.Safety;

/// <summary>
/// The planned on-demand cost of a run: seeding and every scenario's expected operations × units per operation ×
/// on-demand price. Closed-model phases have no planned count; they are listed in <see cref="Unbounded"/>.
/// </summary>
internal sealed record CostEstimate(IReadOnlyList<CostLine> Lines, IReadOnlyList<string> Unbounded)
{
    public double TotalDollars => Lines.Sum(l => l.Dollars);

    public bool IsBounded => Unbounded.Count == 0;

    /// <summary>The cost of several plans run one after the other (a suite's variants): every line, named after its plan.</summary>
    public static CostEstimate Combine(IReadOnlyList<(string? Name, CostEstimate Estimate)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        static string Named(string? name, string what) => name is null ? what : $"{name}: {what}";
        return new CostEstimate(
            [.. parts.SelectMany(p => p.Estimate.Lines.Select(l => l with { What = Named(p.Name, l.What) }))],
            [.. parts.SelectMany(p => p.Estimate.Unbounded.Select(u => Named(p.Name, u)))]);
    }
}

/// <param name="What">"seed orders" or "scenario browse".</param>
/// <param name="Operations">Items written (seeding) or operations expected (scenario).</param>
internal sealed record CostLine(string What, long Operations, double ReadUnits, double WriteUnits, double Dollars);
