namespace LoadLab.Core.Budgets;

/// <summary>
/// One budget checked against a run: what was measured, the limit and whether it held. Console,
/// summary.md and junit.xml list these; any failure makes the exit code 1.
/// </summary>
/// <param name="Name">Readable identity, e.g. <c>browse/get p99 &lt;= 25 ms</c>; unique within a run.</param>
/// <param name="Scenario">Scenario the budget applies to, or null for the whole run.</param>
/// <param name="Operation">Operation the budget applies to, or null for all operations.</param>
/// <param name="Metric">p50 … p99.99, max, throughput, throttleRate or errorRate.</param>
/// <param name="Comparison"><c>&lt;=</c> or <c>&lt;</c> (a ceiling), <c>&gt;=</c> or <c>&gt;</c> (a floor, for throughput).</param>
/// <param name="Limit">The limit in <paramref name="Unit"/>.</param>
/// <param name="Measured">The measured value in <paramref name="Unit"/>; null when there were no samples.</param>
/// <param name="Unit">ms, ops/s or %.</param>
/// <param name="Window">null for the whole run; otherwise the sliding window (e.g. <c>30s</c>) whose worst value counts.</param>
/// <param name="Note">Why it passed or failed beyond the numbers, e.g. "no samples" or "aborted the run at 42 s".</param>
public sealed record BudgetOutcome(
    string Name,
    string? Scenario,
    string? Operation,
    string Metric,
    string Comparison,
    double Limit,
    double? Measured,
    string Unit,
    bool Passed,
    string? Window = null,
    string? Note = null)
{
    /// <summary>How far the measured value is from the limit, in the limit's unit; positive = room left.</summary>
    public double? Margin => Measured is not { } m ? null : Comparison is ">=" or ">" ? m - Limit : Limit - m;
}
