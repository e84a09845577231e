using LoadLab.Core.Cost;
using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Variants;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports.Variants;

// The better-value marks of the comparison, on synthetic results.
public class VariantComparisonTests
{
    [Theory]
    [InlineData(Better.Lower, new[] { 5.0, 3.0, 4.0 }, new[] { 1 })]
    [InlineData(Better.Higher, new[] { 5.0, 3.0, 4.0 }, new[] { 0 })]
    [InlineData(Better.Lower, new[] { 3.0, 3.0, 4.0 }, new[] { 0, 1 })]
    [InlineData(Better.Lower, new[] { 2.0, 2.0 }, new int[0])]
    [InlineData(Better.None, new[] { 1.0, 2.0 }, new int[0])]
    [InlineData(Better.Lower, new[] { 0.0, 7.0 }, new[] { 0 })]
    public void The_best_values_are_marked_unless_all_are_equal_or_the_row_does_not_rank(Better better, double[] values, int[] expected)
    {
        Assert.Equal(expected, ComparisonRow.BestOf([.. values.Select(v => (double?)v)], better));
    }

    [Fact]
    public void Missing_values_are_never_marked_and_one_value_alone_is_not_a_comparison()
    {
        Assert.Equal([2], ComparisonRow.BestOf([null, 9, 1], Better.Lower));
        Assert.Empty(ComparisonRow.BestOf([null, 1], Better.Lower));
    }

    [Fact]
    public void A_variant_with_lower_latency_and_no_throttles_gets_the_marks_of_those_rows()
    {
        var slow = SyntheticRuns.Run;
        var fast = Faster(slow);

        var comparison = VariantComparison.Build([new VariantRun("slow", slow), new VariantRun("fast", fast)]);

        string group = slow.Scenarios[0].Name + "/" + slow.Scenarios[0].Operations[0].Name;
        Assert.Equal([1], Row(comparison, group, "p99").BestIndexes);
        Assert.Equal([1], Row(comparison, group, "p50").BestIndexes);
        var slowOp = slow.Scenarios[0].Operations[0];
        Assert.True(slowOp.Count("throttled") > 0, "the sample should throttle");
        Assert.Equal([1], Row(comparison, group, "throttle rate").BestIndexes);
        Assert.Empty(Row(comparison, group, "write units").BestIndexes);
        Assert.Equal(slowOp.Latency.P99Ms, Row(comparison, group, "p99").Values[0]);
        Assert.Equal(slowOp.Latency.P99Ms / 2, Row(comparison, group, "p99").Values[1]);
    }

    [Fact]
    public void The_cheaper_variant_is_marked_in_the_cost_rows_and_hot_keys_come_from_the_simulator()
    {
        var run = SyntheticRuns.Run;
        RunResult WithCost(RunResult r, double wcu) => r with
        {
            Cost = RunCostCalculator.Estimate(r, [new TableCapacity(r.Scenarios[0].Table, TableCapacity.Provisioned, 10, wcu)], CostPrices.Default),
            Simulator = new SimulatorSection
            {
                Preset = "documented",
                Resources = [new SimulatorResource { Table = "t", Mode = "provisioned", TopThrottledKeys = [new SimulatorKey("abc", (long)wcu)] }],
            },
        };

        var comparison = VariantComparison.Build([new VariantRun("big", WithCost(run, 500)), new VariantRun("small", WithCost(run, 50))]);

        Assert.Equal([1], Row(comparison, "cost", "own mode, $ per hour at the measured rate").BestIndexes);
        Assert.Equal(10 * 0.00013 + 50 * 0.00065, Row(comparison, "cost", "own mode, $ per hour at the measured rate").Values[1]!.Value, 9);
        Assert.Equal([1], Row(comparison, "hot keys", "throttle events of the hottest key").BestIndexes);
        Assert.Equal(500, Row(comparison, "hot keys", "throttle events of the hottest key").Values[0]);
    }

    [Fact]
    public void Markdown_shows_a_mark_next_to_the_better_value_only()
    {
        var slow = SyntheticRuns.Run;
        var comparison = VariantComparison.Build([new VariantRun("slow", slow), new VariantRun("fast", Faster(slow)) { Changes = ["t.capacity: { mode: on-demand }"] }]);

        string md = ComparisonMarkdown.Render(comparison, "suite");

        var p99 = md.Split('\n').First(l => l.StartsWith("| p99 |", StringComparison.Ordinal));
        var cells = p99.Split('|', StringSplitOptions.TrimEntries);
        Assert.DoesNotContain("✓", cells[2], StringComparison.Ordinal);
        Assert.EndsWith("✓", cells[3], StringComparison.Ordinal);
        Assert.Contains("t.capacity: { mode: on-demand }", md, StringComparison.Ordinal);
    }

    private static ComparisonRow Row(VariantComparison comparison, string group, string metric) =>
        comparison.Rows.Single(r => r.Group == group && r.Metric == metric);

    /// <summary>The run with every latency halved and no throttles.</summary>
    private static RunResult Faster(RunResult run) => run with
    {
        Scenarios = [.. run.Scenarios.Select(s => s with
        {
            Operations = [.. s.Operations.Select(o => o with
            {
                Latency = o.Latency with { P50Ms = o.Latency.P50Ms / 2, P99Ms = o.Latency.P99Ms / 2, P999Ms = o.Latency.P999Ms / 2 },
                Outcomes = new Dictionary<string, long> { ["ok"] = o.Completed },
                ThrottleReasons = new Dictionary<string, long>(),
                ThrottledAttempts = 0,
            })],
        })],
    };
}
