using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Text;

namespace LoadLab.Reports.Variants;

/// <summary>
/// The variants of a suite side by side: per scenario/operation the latency percentiles, throttles
/// (rate and by reason), attempts and units; per table the hottest keys the simulator saw; per
/// variant the estimated cost. Built from the variants' RunResults only.
/// </summary>
public sealed record VariantComparison(IReadOnlyList<VariantRun> Variants, IReadOnlyList<ComparisonRow> Rows)
{
    /// <summary>How many of the most throttled keys are listed per variant.</summary>
    public const int HotKeys = 3;

    public IReadOnlyList<string> Names => [.. Variants.Select(v => v.Name)];

    public static VariantComparison Build(IReadOnlyList<VariantRun> variants)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var rows = new List<ComparisonRow>();
        foreach (var (scenario, operation) in Operations(variants))
            rows.AddRange(OperationRows(variants, scenario, operation));
        rows.AddRange(HotKeyRows(variants));
        rows.AddRange(CostRows(variants));
        return new VariantComparison(variants, rows);
    }

    /// <summary>Every scenario/operation of any variant, in the order they first appear.</summary>
    private static IEnumerable<(string Scenario, string Operation)> Operations(IReadOnlyList<VariantRun> variants) =>
        variants.SelectMany(v => v.Result.Scenarios.SelectMany(s => s.Operations.Select(o => (s.Name, o.Name)))).Distinct();

    private static IEnumerable<ComparisonRow> OperationRows(IReadOnlyList<VariantRun> variants, string scenario, string operation)
    {
        var ops = variants.Select(v => v.Result.Scenarios.FirstOrDefault(s => s.Name == scenario)?.Operations.FirstOrDefault(o => o.Name == operation)).ToList();
        string group = scenario + "/" + operation;
        IReadOnlyList<double?> Values(Func<OperationResult, double?> pick) => [.. ops.Select(o => o is null || o.Completed == 0 ? null : pick(o))];

        yield return ComparisonRow.Of(group, "operations completed", "", Values(o => o.Completed), Better.None);
        yield return ComparisonRow.Of(group, "p50", "ms", Values(o => o.Latency.P50Ms), Better.Lower);
        yield return ComparisonRow.Of(group, "p99", "ms", Values(o => o.Latency.P99Ms), Better.Lower);
        yield return ComparisonRow.Of(group, "p99.9", "ms", Values(o => o.Latency.P999Ms), Better.Lower);
        yield return ComparisonRow.Of(group, "throttle rate", "%", Values(o => 100.0 * o.Count("throttled") / o.Completed), Better.Lower);
        yield return ComparisonRow.Of(group, "throttled attempts", "", Values(o => o.ThrottledAttempts), Better.Lower);
        foreach (var reason in ops.SelectMany(o => o?.ThrottleReasons.Keys ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            yield return ComparisonRow.Of(group, "throttled: " + reason, "", Values(o => o.ThrottleReasons.TryGetValue(reason, out long n) ? n : 0), Better.Lower);
        yield return ComparisonRow.Of(group, "attempts per call", "", Values(o => OperationFigures.AttemptsPerCall(o)), Better.Lower);
        yield return ComparisonRow.Of(group, "read units", "", Values(o => o.ReadUnits), Better.None);
        yield return ComparisonRow.Of(group, "write units", "", Values(o => o.WriteUnits), Better.None);
    }

    /// <summary>The simulator's most throttled keys per variant (hashes); each variant has its own table, so they are compared by rank.</summary>
    private static IEnumerable<ComparisonRow> HotKeyRows(IReadOnlyList<VariantRun> variants)
    {
        var keys = variants.Select(v => TopKeys(v.Result)).ToList();
        if (keys.All(k => k is null))
            yield break;
        yield return ComparisonRow.Of("hot keys", "throttle events of the hottest key", "", [.. keys.Select(k => k is null ? (double?)null : k.Count == 0 ? 0 : k[0].ThrottleEvents)], Better.Lower);
        yield return ComparisonRow.Of("hot keys", Formatting($"throttle events of the top {HotKeys} keys"), "", [.. keys.Select(k => k is null ? (double?)null : k.Take(HotKeys).Sum(x => x.ThrottleEvents))], Better.Lower);
        yield return ComparisonRow.Of("hot keys", "throttled keys listed", "", [.. keys.Select(k => k is null ? (double?)null : k.Count)], Better.Lower);
    }

    /// <summary>Table resources' top throttled keys merged, most throttled first; null when the run had no simulator.</summary>
    public static IReadOnlyList<SimulatorKey>? TopKeys(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Simulator is null)
            return null;
        return [.. result.Simulator.Resources.SelectMany(r => r.TopThrottledKeys).OrderByDescending(k => k.ThrottleEvents).ThenBy(k => k.KeyHash, StringComparer.Ordinal)];
    }

    private static IEnumerable<ComparisonRow> CostRows(IReadOnlyList<VariantRun> variants)
    {
        var costs = variants.Select(v => v.Result.Cost).ToList();
        if (costs.All(c => c is null))
            yield break;
        IReadOnlyList<double?> Values(Func<RunCost, double?> pick) => [.. costs.Select(c => c is null || c.Tables.Count == 0 ? null : pick(c))];
        yield return ComparisonRow.Of("cost", "own mode, $ per hour at the measured rate", "$", Values(c => c.OwnModeUsdPerHour), Better.Lower);
        yield return ComparisonRow.Of("cost", "own mode, $ per million operations", "$", Values(PerMillion(t => t.OwnMode)), Better.Lower);
        yield return ComparisonRow.Of("cost", "own mode, $ for the run", "$", Values(c => c.OwnModeUsd), Better.Lower);
        yield return ComparisonRow.Of("cost", "other mode, $ per hour", "$", Values(c => c.Tables.Sum(t => t.OtherMode.UsdPerHour)), Better.Lower);
        yield return ComparisonRow.Of("cost", "other mode, $ per million operations", "$", Values(PerMillion(t => t.OtherMode)), Better.Lower);
    }

    private static Func<RunCost, double?> PerMillion(Func<TableCost, ModeCost> mode) => cost =>
    {
        long operations = cost.Tables.Sum(t => t.Operations);
        return operations == 0 ? null : cost.Tables.Sum(t => mode(t).Usd) / operations * 1_000_000;
    };

    private static string Formatting(FormattableString text) => Core.Plans.Formatting.Invariant(text);
}
