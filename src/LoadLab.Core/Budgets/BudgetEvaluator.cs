using HdrHistogram;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Core.Budgets;

/// <summary>
/// Checks budgets against a finished (or interrupted: what ran is checked) run. Pure: the result
/// and the definitions in, one outcome per definition out, in the same order.
/// </summary>
public static class BudgetEvaluator
{
    /// <summary>The note of a budget that could not be checked because nothing in its scope was measured; such a budget fails.</summary>
    public const string NoSamples = "no samples";

    // The same kinds the per-interval error counts use, so whole-run and window rates agree.
    private static readonly IReadOnlyList<string> ErrorOutcomes =
        [.. OutcomeKinds.All.Where(k => k.IsError()).Select(k => k.JsonName())];

    /// <summary>One outcome per budget, in order; a budget that could not be measured fails with a note.</summary>
    /// <param name="result">The run, as recorded.</param>
    /// <param name="budgets">The suite's budgets.</param>
    /// <param name="abort">The budget that stopped the run early, if one did: it fails and says so.</param>
    public static IReadOnlyList<BudgetOutcome> Evaluate(RunResult result, IReadOnlyList<BudgetDefinition> budgets, BudgetAbort? abort = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(budgets);
        var outcomes = new List<BudgetOutcome>(budgets.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < budgets.Count; i++)
        {
            var budget = budgets[i];
            var (measured, note) = budget.Window is null ? WholeRun(result, budget) : WorstWindow(result, budget);
            var outcome = Outcome(budget, measured, note, UniqueName(budget.Describe(), names));
            if (abort is not null && abort.BudgetIndex == i)
                outcome = outcome with { Passed = false, Note = Join(AbortNote(abort, budget), outcome.Note) };
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    internal static string AbortNote(BudgetAbort abort, BudgetDefinition budget) => Formatting.Invariant(
        $"aborted the run at {abort.AtSeconds:0.#} s: broken for {abort.BrokenForSeconds:0.#} s, longer than abortAfter {Formatting.Duration(budget.AbortAfter ?? TimeSpan.Zero)}");

    /// <summary>Rounds to what reports show (µs for latency), so the verdict agrees with the printed number.</summary>
    internal static double Round(BudgetDefinition budget, double value) =>
        Math.Round(value, budget.Unit == "%" ? 4 : 3, MidpointRounding.AwayFromZero);

    private static BudgetOutcome Outcome(BudgetDefinition budget, double? measured, string? note, string name)
    {
        double? shown = measured is { } m ? Round(budget, m) : null;
        return new BudgetOutcome(
            name,
            budget.Scenario,
            budget.Operation,
            budget.MetricName,
            budget.ComparisonSymbol,
            budget.Limit,
            shown,
            budget.Unit,
            // A budget that could not be checked must not pass silently.
            shown is { } value && budget.Holds(value),
            budget.Window is { } w ? Formatting.Duration(w) : null,
            note);
    }

    private static (double? Measured, string? Note) WholeRun(RunResult result, BudgetDefinition budget)
    {
        var scope = BudgetScope.Select(result, budget);
        var operations = scope.SelectMany(s => s.Operations).ToList();
        if (operations.Count == 0)
            return (null, NoSamples);
        long completed = operations.Sum(o => o.Completed);
        switch (budget.Metric)
        {
            case BudgetMetric.Percentile:
            case BudgetMetric.Max:
                return WholeRunLatency(operations, budget);
            case BudgetMetric.Throughput:
                // The same measured window as every report's ops/s (Throughput).
                double seconds = scope.Max(s => Throughput.MeasuredSeconds(s.Scenario));
                return seconds <= 0 ? (null, NoSamples) : (completed / seconds, null);
            case BudgetMetric.ThrottleRate:
                return completed == 0 ? (null, NoSamples) : (operations.Sum(o => o.Count("throttled")) * 100.0 / completed, null);
            default:
                return completed == 0 ? (null, NoSamples) : (operations.Sum(ErrorCount) * 100.0 / completed, null);
        }
    }

    private static (double? Measured, string? Note) WholeRunLatency(List<OperationResult> operations, BudgetDefinition budget)
    {
        var merged = LatencyScale.NewHistogram();
        bool ok = budget.OkOnly;
        foreach (var op in operations.Where(o => (ok ? o.Count("ok") : o.Completed) > 0))
        {
            if ((ok ? op.OkLatencyHistogram : op.LatencyHistogram) is { } encoded)
            {
                merged.Add(HistogramCodec.Decode(encoded));
                continue;
            }
            // Older or hand-made files may lack the cumulative histogram; the per-interval ones add up to it.
            Func<OperationInterval, string?> interval = ok ? p => p.OkLatencyEncoded() : p => p.Histogram;
            if (op.Series.Any(p => (ok ? p.Ok : p.Completed) > 0 && interval(p) is null))
                return FromSummary(operations, budget);
            foreach (var point in op.Series.Select(interval).OfType<string>())
                merged.Add(HistogramCodec.Decode(point));
        }
        if (merged.TotalCount == 0)
            return (null, NoSamples);
        return (LatencyScale.ToMilliseconds(ValueAt(merged, budget)), null);
    }

    private static long ValueAt(HistogramBase histogram, BudgetDefinition budget) =>
        histogram.GetValueAtPercentile(budget.Metric == BudgetMetric.Max ? 100.0 : budget.Percentile);

    // Without histograms only one operation's stored summary can answer, and only for the percentiles it keeps.
    private static (double? Measured, string? Note) FromSummary(List<OperationResult> operations, BudgetDefinition budget)
    {
        const string Unmeasurable = "the results have no latency histogram for this scope, so the budget cannot be checked";
        if (operations.Count(o => o.Completed > 0) != 1)
            return (null, Unmeasurable);
        var op = operations.First(o => o.Completed > 0);
        var summary = budget.OkOnly ? op.OkLatency : op.Latency;
        double? value = budget.Metric == BudgetMetric.Max ? summary.MaxMs : budget.Percentile switch
        {
            50 => summary.P50Ms,
            90 => summary.P90Ms,
            99 => summary.P99Ms,
            99.9 => summary.P999Ms,
            _ => null,
        };
        return value is null ? (null, Unmeasurable) : (value, null);
    }

    private static (double? Measured, string? Note) WorstWindow(RunResult result, BudgetDefinition budget)
    {
        var slots = BudgetScope.Timeline(result, budget);
        if (slots.Count == 0)
            return (null, NoSamples);
        double window = budget.Window!.Value.TotalSeconds;
        double first = slots[0].Start;
        // Only full windows count, so a thin first second cannot decide; a run shorter than the window is one window.
        bool anyFull = slots[^1].End - first >= window - 1e-6;
        var sliding = new SlidingWindow(budget);
        double? worst = null;
        (double Start, double End) worstSpan = default;
        for (int i = 0; i < slots.Count; i++)
        {
            sliding.Push(slots[i]);
            bool counts = anyFull ? slots[i].End - first >= window - 1e-6 : i == slots.Count - 1;
            if (!counts)
                continue;
            if (sliding.LacksHistograms)
                return (null, "the results have no per-interval histograms, so the window cannot be checked");
            // Empty windows (a pause, nothing completed) have nothing to judge and are skipped.
            if (sliding.Value() is not { } value)
                continue;
            if (worst is null || budget.IsWorse(value, worst.Value))
            {
                worst = value;
                worstSpan = (sliding.Start, sliding.End);
            }
        }
        if (worst is null)
            return (null, NoSamples);
        string where = Formatting.Invariant($"worst window {worstSpan.Start:0.#}-{worstSpan.End:0.#} s");
        return (worst, anyFull ? where : where + " (the run was shorter than the window)");
    }

    private static long ErrorCount(OperationResult op) => ErrorOutcomes.Sum(op.Count);

    private static string UniqueName(string name, HashSet<string> taken)
    {
        string unique = name;
        for (int n = 2; !taken.Add(unique); n++)
            unique = Formatting.Invariant($"{name} #{n}");
        return unique;
    }

    private static string? Join(string first, string? second) => second is null ? first : first + "; " + second;
}
