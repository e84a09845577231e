using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Compare;

/// <summary>
/// Compares two runs operation by operation (matched by scenario and operation name): the chosen
/// latency percentiles, throughput and throttle rate, each with a verdict. Pure: results in, rows out.
/// </summary>
public static class RunComparer
{
    /// <summary>
    /// Throttle-rate changes smaller than this many percentage points count as the same: relative
    /// change is meaningless near zero (0.01% → 0.02% is "+100%" but one throttle in ten thousand).
    /// </summary>
    public const double ThrottleNoiseFloor = 0.1;

    public static RunComparison Compare(RunResult a, RunResult b, double tolerancePercent, IReadOnlyList<CompareMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerancePercent);
        var operations = new List<OperationComparison>();
        foreach (var (scenario, operation) in Pairs(a, b))
        {
            var inA = Find(a, scenario, operation);
            var inB = Find(b, scenario, operation);
            operations.Add(new OperationComparison(scenario, operation, Rows(inA, inB, tolerancePercent, metrics)));
        }
        return new RunComparison(operations, Warnings(a, b), tolerancePercent);
    }

    /// <summary>The verdict for one value pair; <paramref name="noiseFloor"/> is an absolute change too small to matter.</summary>
    public static Verdict Judge(double? a, double? b, bool higherIsBetter, double tolerancePercent, double noiseFloor = 0)
    {
        if (a is not { } x || b is not { } y)
            return Verdict.NotMeasured;
        if (Math.Abs(y - x) <= noiseFloor || Math.Abs(Change(x, y)) <= tolerancePercent)
            return Verdict.Same;
        bool worse = higherIsBetter ? y < x : y > x;
        return worse ? Verdict.Regression : Verdict.Better;
    }

    /// <summary>(b − a) / a in percent; 0 when both are 0, ±∞ when only a is.</summary>
    public static double Change(double a, double b) =>
        a == 0 ? (b == 0 ? 0 : b > 0 ? double.PositiveInfinity : double.NegativeInfinity) : (b - a) * 100.0 / a;

    private static IReadOnlyList<MetricRow> Rows(Side? a, Side? b, double tolerance, IReadOnlyList<CompareMetric> metrics)
    {
        var rows = new List<MetricRow>();
        foreach (var metric in metrics)
            rows.Add(Row(metric.Name, "ms", a, b, s => Latency(s.Operation, metric), higherIsBetter: false, tolerance, noiseFloor: 0));
        rows.Add(Row("throughput", "ops/s", a, b, Throughput, higherIsBetter: true, tolerance, noiseFloor: 0));
        rows.Add(Row("throttleRate", "%", a, b, s => ThrottleRate(s.Operation), higherIsBetter: false, tolerance, ThrottleNoiseFloor));
        return rows;
    }

    private static MetricRow Row(string metric, string unit, Side? a, Side? b, Func<Side, double?> measure, bool higherIsBetter, double tolerance, double noiseFloor)
    {
        double? x = a is { } sideA ? measure(sideA) : null;
        double? y = b is { } sideB ? measure(sideB) : null;
        if (a is null || b is null)
            return new MetricRow(metric, unit, x, y, null, a is null ? Verdict.OnlyInB : Verdict.OnlyInA);
        double? change = x is { } vx && y is { } vy ? Math.Round(Change(vx, vy), 2) : null;
        return new MetricRow(metric, unit, x, y, change, Judge(x, y, higherIsBetter, tolerance, noiseFloor));
    }

    private static double? Latency(OperationResult op, CompareMetric metric)
    {
        if (op.Completed == 0)
            return null;
        if (op.LatencyHistogram is { } encoded)
            return LatencyScale.ToMilliseconds(HistogramCodec.Decode(encoded).GetValueAtPercentile(metric.Percentile));
        // Without the histogram only the stored summary's percentiles are known.
        return metric.Percentile switch
        {
            50 => op.Latency.P50Ms,
            90 => op.Latency.P90Ms,
            99 => op.Latency.P99Ms,
            99.9 => op.Latency.P999Ms,
            100 => op.Latency.MaxMs,
            _ => null,
        };
    }

    private static double? Throughput(Side side)
    {
        double seconds = side.Scenario.DurationSeconds - side.Scenario.Warmup.Seconds;
        return seconds <= 0 ? null : Math.Round(side.Operation.Completed / seconds, 3);
    }

    private static double? ThrottleRate(OperationResult op) =>
        op.Completed == 0 ? null : Math.Round(op.Count("throttled") * 100.0 / op.Completed, 4);

    /// <summary>Scenario/operation pairs of A in A's order, then those only B has.</summary>
    private static IEnumerable<(string Scenario, string Operation)> Pairs(RunResult a, RunResult b) =>
        a.Scenarios.SelectMany(s => s.Operations.Select(o => (s.Name, o.Name)))
            .Concat(b.Scenarios.SelectMany(s => s.Operations.Select(o => (s.Name, o.Name))))
            .Distinct();

    private static Side? Find(RunResult result, string scenario, string operation)
    {
        var s = result.Scenarios.FirstOrDefault(x => x.Name == scenario);
        var o = s?.Operations.FirstOrDefault(x => x.Name == operation);
        return s is null || o is null ? null : new Side(s, o);
    }

    private static IReadOnlyList<string> Warnings(RunResult a, RunResult b)
    {
        var warnings = new List<string>();
        if (a.Run.Suite != b.Run.Suite)
            warnings.Add($"The runs come from different suites ('{a.Run.Suite}' and '{b.Run.Suite}'); only operations with the same scenario and name are compared.");
        if (a.Run.DurationScale != b.Run.DurationScale)
            warnings.Add(Formatting.Invariant($"The runs used different --duration-scale ({a.Run.DurationScale:0.###} and {b.Run.DurationScale:0.###}): ramps and phases differ, so throughput and tails may too."));
        foreach (var (name, run) in new[] { ("A", a.Run), ("B", b.Run) }.Where(r => r.Item2.Interrupted))
            warnings.Add($"Run {name} was interrupted: its results are partial.");
        return warnings;
    }

    private readonly record struct Side(ScenarioResult Scenario, OperationResult Operation);
}
