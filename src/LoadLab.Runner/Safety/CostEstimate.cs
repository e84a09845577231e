namespace LoadLab.Runner.Safety;

/// <summary>
/// The planned on-demand cost of a run: seeding and every scenario's expected operations × units per operation ×
/// on-demand price. Closed-model phases have no planned count; they are listed in <see cref="Unbounded"/>.
/// </summary>
internal sealed record CostEstimate(IReadOnlyList<CostLine> Lines, IReadOnlyList<string> Unbounded)
{
    public double TotalDollars => Lines.Sum(l => l.Dollars);

    public bool IsBounded => Unbounded.Count == 0;
}

/// <param name="What">"seed orders" or "scenario browse".</param>
/// <param name="Operations">Items written (seeding) or operations expected (scenario).</param>
internal sealed record CostLine(string What, long Operations, double ReadUnits, double WriteUnits, double Dollars);
