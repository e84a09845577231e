using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Verdicts;

namespace LoadLab.Reports.Compare;

/// <summary>
/// Compares run B with run A operation by operation (matched by scenario and operation name) with the same rules as a
/// suite's variant comparison (<see cref="DesignJudge"/>): goodput, failure and throttle rates, and the latency of
/// successful operations, each judged against the noise; a row is a regression when B is clearly worse and the change
/// is also beyond the tolerance. The headline verdict is the judge's, word for word. Pure: results in, rows out.
/// </summary>
public static class RunComparer
{
    public const string A = "A";
    public const string B = "B";

    public static RunComparison Compare(RunResult a, RunResult b, double tolerancePercent, IReadOnlyList<CompareMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerancePercent);
        var judgement = DesignJudge.Judge([new VariantRun(A, a), new VariantRun(B, b)], [.. metrics.Select(m => m.Percentile)]);
        var operations = new List<OperationComparison>();
        foreach (var (scenario, operation) in Pairs(a, b))
        {
            bool inA = Has(a, scenario, operation), inB = Has(b, scenario, operation);
            string group = scenario + "/" + operation;
            var rows = new List<MetricRow>();
            foreach (var metric in metrics)
                rows.Add(Row(metric.Name, judgement.Row(group, SecondFigures.Label(metric.Percentile) + " (ok)"), inA, inB, tolerancePercent));
            rows.Add(Row("goodput", judgement.Row(group, "goodput (successful ops/s)"), inA, inB, tolerancePercent));
            rows.Add(Row("failureRate", judgement.Row(group, "failure rate (throttled + errors)"), inA, inB, tolerancePercent));
            rows.Add(Row("throttleRate", judgement.Row(group, "throttled (after retries)"), inA, inB, tolerancePercent));
            operations.Add(new OperationComparison(scenario, operation, rows));
        }

        return new RunComparison(operations, judgement.Warnings, tolerancePercent) { Verdict = judgement.Verdict };
    }

    /// <summary>(b − a) / a in percent; 0 when both are 0, ±∞ when only a is.</summary>
    public static double Change(double a, double b) =>
        a == 0 ? (b == 0 ? 0 : b > 0 ? double.PositiveInfinity : double.NegativeInfinity) : (b - a) * 100.0 / a;

    private static MetricRow Row(string metric, JudgedRow? row, bool inA, bool inB, double tolerance)
    {
        string unit = row?.Unit ?? "";
        double? x = row?.Values[0], y = row?.Values[1];
        if (!inA || !inB)
            return new MetricRow(metric, unit, x, y, null, inA ? Verdict.OnlyInA : Verdict.OnlyInB);
        if (row is null || x is not { } vx || y is not { } vy)
            return new MetricRow(metric, unit, x, y, null, Verdict.NotMeasured, row?.Note);
        double change = Math.Round(Change(vx, vy), 2);
        // Clearly different (beyond the noise) and beyond the tolerance: both, or it is the same.
        var verdict = Math.Abs(change) <= tolerance ? Verdict.Same : row.Better switch
        {
            1 => Verdict.Better,
            0 => Verdict.Regression,
            _ => Verdict.Same,
        };
        return new MetricRow(metric, unit, x, y, change, verdict, row.Note);
    }

    private static bool Has(RunResult result, string scenario, string operation) =>
        result.Scenarios.FirstOrDefault(s => s.Name == scenario)?.Operations.Any(o => o.Name == operation) == true;

    /// <summary>Scenario/operation pairs of A in A's order, then those only B has.</summary>
    private static IEnumerable<(string Scenario, string Operation)> Pairs(RunResult a, RunResult b) =>
        a.Scenarios.SelectMany(s => s.Operations.Select(o => (s.Name, o.Name)))
            .Concat(b.Scenarios.SelectMany(s => s.Operations.Select(o => (s.Name, o.Name))))
            .Distinct();
}
