using LoadLab.Core.Budgets;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Samples;

public static partial class SampleRun
{
    /// <summary>
    /// Budgets over the sample's own figures: latency ceilings that hold with room to spare or
    /// break clearly (limits are set relative to what was measured, so every seed gives both kinds),
    /// a run-wide throttle rate and a throughput floor.
    /// </summary>
    private static IReadOnlyList<BudgetOutcome> Budgets(RunResult result)
    {
        var budgets = new List<BudgetOutcome>();
        var first = result.Scenarios[0];
        var op = first.Operations[0];
        budgets.Add(Ceiling($"{first.Name}/{op.Name} p99", first.Name, op.Name, "p99", NiceAbove(op.Latency.P99Ms * 1.6), op.Latency.P99Ms, "ms"));
        var last = result.Scenarios[^1];
        var lastOp = last.Operations[^1];
        budgets.Add(Ceiling($"{last.Name}/{lastOp.Name} p99", last.Name, lastOp.Name, "p99", NiceBelow(lastOp.Latency.P99Ms * 0.6), lastOp.Latency.P99Ms, "ms"));
        budgets.Add(Ceiling($"{last.Name}/{lastOp.Name} p99.9", last.Name, lastOp.Name, "p99.9", NiceAbove(lastOp.Latency.P999Ms * 1.3), lastOp.Latency.P999Ms, "ms", window: "30s"));

        long completed = result.Scenarios.Sum(s => s.Operations.Sum(o => o.Completed));
        long throttled = result.Scenarios.Sum(s => s.Operations.Sum(o => o.Count("throttled")));
        double rate = completed == 0 ? 0 : Math.Round(100.0 * throttled / completed, 3);
        budgets.Add(Ceiling("throttled", null, null, "throttleRate", 0.5, rate, "%"));

        double floor = NiceBelow(first.AchievedOpsPerSecond * 0.8);
        budgets.Add(new BudgetOutcome(FormattableString.Invariant($"{first.Name} throughput >= {floor} ops/s"), first.Name, null, "throughput", ">=", floor,
            first.AchievedOpsPerSecond, "ops/s", first.AchievedOpsPerSecond >= floor));
        return budgets;
    }

    private static BudgetOutcome Ceiling(string what, string? scenario, string? operation, string metric, double limit, double measured, string unit, string? window = null) =>
        new(FormattableString.Invariant($"{what} <= {limit} {unit}"), scenario, operation, metric, "<=", limit, measured, unit, measured <= limit, window);

    private static double NiceAbove(double value) => Math.Max(1, Math.Ceiling(value / 5) * 5);

    private static double NiceBelow(double value) => Math.Max(1, Math.Floor(value));
}
