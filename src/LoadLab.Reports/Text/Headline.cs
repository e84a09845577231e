using HdrHistogram;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Text;

/// <summary>
/// The run at a glance, the same at the top of summary.md, report.html and the console: operations, rate, goodput,
/// error and throttle shares (throttles by reason), p50/p95/p99 of successful operations, budgets, and one sentence
/// of findings. Every figure covers the measured window and uses the run reports' own definitions.
/// </summary>
/// <param name="Operations">Completed operations of every scenario.</param>
/// <param name="OpsPerSecond">Completed per second (Throughput, summed over the scenarios, which run side by side).</param>
/// <param name="Goodput">Successful operations per second.</param>
/// <param name="ErrorPercent">Client, server, timeout and network errors as a share of completed operations.</param>
/// <param name="ThrottledPercent">Operations that ended throttled, as a share of completed operations.</param>
/// <param name="ThrottledByReason">Each throttling reason's share of completed operations, largest first.</param>
/// <param name="ThrottleEvents">Throttled attempts plus batch items returned unprocessed (throttles a retry absorbed included).</param>
/// <param name="OkLatency">p50, p95 and p99 of successful operations (ms); null when none succeeded.</param>
public sealed record Headline(
    long Operations,
    double OpsPerSecond,
    double Goodput,
    double ErrorPercent,
    double ThrottledPercent,
    IReadOnlyList<(string Reason, double Percent)> ThrottledByReason,
    long ThrottleEvents,
    (double P50, double P95, double P99)? OkLatency,
    int BudgetsMet,
    int Budgets,
    string Finding)
{
    public static Headline Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var operations = result.Scenarios.SelectMany(s => s.Operations).ToList();
        long completed = operations.Sum(o => o.Completed);
        double Share(long n) => completed > 0 ? 100.0 * n / completed : 0;
        var reasons = operations.SelectMany(o => o.ThrottleReasons)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => (Reason: g.Key, Percent: Share(g.Sum(r => r.Value))))
            .OrderByDescending(r => r.Percent).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        return new Headline(
            completed,
            result.Scenarios.Sum(Throughput.Achieved),
            result.Scenarios.Sum(s => s.Operations.Sum(o => Throughput.Goodput(o, s))),
            Share(operations.Sum(OperationFigures.Errors)),
            Share(operations.Sum(o => o.Count("throttled"))),
            reasons,
            operations.Sum(o => o.ThrottleEvents),
            OkPercentiles(operations),
            result.Budgets.Count(b => b.Passed),
            result.Budgets.Count,
            HeadlineFinding.Of(result));
    }

    /// <summary>"2 of 3 budgets met", "no budgets".</summary>
    public string BudgetsText => Budgets == 0 ? "no budgets" : FormattableString.Invariant($"{BudgetsMet} of {Budgets} met");

    /// <summary>"TableWriteKeyRangeThroughputExceeded 12.3 %, …", or "none".</summary>
    public string ThrottlesText => ThrottledByReason.Count == 0 ? "none" : string.Join(", ", ThrottledByReason.Select(r => r.Reason + " " + ReportNumbers.Number(r.Percent) + " %"));

    /// <summary>The merged ok histograms of every operation (exact); a single operation's stored summary when histograms are missing.</summary>
    private static (double, double, double)? OkPercentiles(List<OperationResult> operations)
    {
        var ok = operations.Where(o => o.Count("ok") > 0).ToList();
        if (ok.Count == 0)
            return null;
        if (ok.Any(o => o.OkLatencyHistogram is null))
            return ok.Count == 1 && ok[0].OkLatency.P95Ms is { } p95 ? (ok[0].OkLatency.P50Ms, p95, ok[0].OkLatency.P99Ms) : null;
        var merged = LatencyScale.NewHistogram();
        foreach (var op in ok)
            merged.Add(HistogramCodec.Decode(op.OkLatencyHistogram!));
        double Ms(double p) => LatencyScale.ToMilliseconds(merged.GetValueAtPercentile(p));
        return (Ms(50), Ms(95), Ms(99));
    }
}
