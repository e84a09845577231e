using LoadLab.Reports.Verdicts;

namespace LoadLab.Reports.Compare;

/// <summary>One metric of one operation in A and B.</summary>
/// <param name="Metric">p50 … max (latency of successful operations), goodput, failureRate or throttleRate.</param>
/// <param name="Unit">ms, ops/s or %.</param>
/// <param name="ChangePercent">(B − A) / A in percent; null when either side is missing, infinite when A is 0 and B is not.</param>
/// <param name="Note">Why a clear-looking change is not judged (too few samples, the faster run fails more), or null.</param>
public sealed record MetricRow(string Metric, string Unit, double? A, double? B, double? ChangePercent, Verdict Verdict, string? Note = null);

/// <summary>The rows of one scenario/operation pair.</summary>
public sealed record OperationComparison(string Scenario, string Operation, IReadOnlyList<MetricRow> Rows)
{
    public bool HasRegression => Rows.Any(r => r.Verdict == Verdict.Regression);
}

/// <summary>A whole comparison of B against A.</summary>
/// <param name="Warnings">Differences that make the comparison less meaningful (other suite, other duration scale, partial runs).</param>
public sealed record RunComparison(IReadOnlyList<OperationComparison> Operations, IReadOnlyList<string> Warnings, double TolerancePercent)
{
    /// <summary>The headline verdict, by the same rule as a suite's variant comparison ("A" or "B" best, or none).</summary>
    public HeadlineVerdict Verdict { get; init; } = new(null, "");

    public int Regressions => Operations.Sum(o => o.Rows.Count(r => r.Verdict == Compare.Verdict.Regression));

    public bool HasRegression => Regressions > 0;
}
