using LoadLab.Reports.Compare;
using LoadLab.Core.Results;
using LoadLab.UnitTests.Core.Budgets;
using static LoadLab.TestSupport.SyntheticRun;

namespace LoadLab.UnitTests.Reports.Compare;

/// <summary>`loadlab compare A B`: the variant comparison's rules (noise first), then the tolerance on top.</summary>
public class RunComparerTests
{
    // 12 s of 100 gets: 1,200 successful operations, enough for p99 (1,000) but not for p99.9 (10,000).
    private static RunResult Run(long getMicros, int getPerSecond = 100, int throttled = 0, bool withPut = true, int seconds = 12)
    {
        var get = Operation("get", [.. Enumerable.Range(0, seconds).Select(_ => Second.Of(getPerSecond, getMicros, throttled))]);
        var put = Operation("put", Steady(seconds, 20, 1500));
        return Create(withPut ? Scenario("browse", get, put) : Scenario("browse", get));
    }

    private static MetricRow Row(RunComparison comparison, string operation, string metric) =>
        comparison.Operations.Single(o => o.Operation == operation).Rows.Single(r => r.Metric == metric);

    [Fact]
    public void Improvement_is_better_and_not_a_regression()
    {
        var comparison = RunComparer.Compare(Run(2000), Run(1000), 10, CompareMetric.Defaults);

        var p99 = Row(comparison, "get", "p99");
        Assert.Equal(2.0, p99.A);
        Assert.Equal(1.0, p99.B);
        Assert.Equal(-50, p99.ChangePercent);
        Assert.Equal(Verdict.Better, p99.Verdict);
        Assert.Equal(Verdict.Same, Row(comparison, "put", "p99").Verdict);
        Assert.False(comparison.HasRegression);
        Assert.Equal(RunComparer.B, comparison.Verdict.Best);
    }

    [Fact]
    public void Regression_beyond_the_noise_and_the_tolerance_fails_the_comparison()
    {
        var comparison = RunComparer.Compare(Run(1000), Run(1500), 10, CompareMetric.Defaults);

        Assert.Equal(Verdict.Regression, Row(comparison, "get", "p50").Verdict);
        Assert.Equal(50, Row(comparison, "get", "p50").ChangePercent);
        Assert.True(comparison.HasRegression);
        // p50 and p99 of get; p99.9 rests on too few operations to be judged at all.
        Assert.Equal(2, comparison.Regressions);
        Assert.Equal(Verdict.Same, Row(comparison, "get", "p99.9").Verdict);
        Assert.Contains("needs 10,000", Row(comparison, "get", "p99.9").Note, StringComparison.Ordinal);
        Assert.Equal(RunComparer.A, comparison.Verdict.Best);
    }

    [Fact]
    public void Change_within_the_tolerance_is_the_same()
    {
        var comparison = RunComparer.Compare(Run(1000), Run(1080), 10, CompareMetric.Defaults);

        Assert.All(comparison.Operations.SelectMany(o => o.Rows), r => Assert.Equal(Verdict.Same, r.Verdict));
        Assert.False(comparison.HasRegression);
    }

    [Fact]
    public void Goodput_failure_and_throttle_rate_rows_are_compared()
    {
        var comparison = RunComparer.Compare(Run(1000, getPerSecond: 100), Run(1000, getPerSecond: 60, throttled: 6), 10, CompareMetric.Defaults);

        var goodput = Row(comparison, "get", "goodput");
        Assert.Equal(100, goodput.A);
        Assert.Equal(54, goodput.B);
        Assert.Equal(Verdict.Regression, goodput.Verdict);
        var throttles = Row(comparison, "get", "throttleRate");
        Assert.Equal(0, throttles.A);
        Assert.Equal(10, throttles.B);
        Assert.Equal(Verdict.Regression, throttles.Verdict);
        Assert.Equal("%", throttles.Unit);
        Assert.Equal(Verdict.Regression, Row(comparison, "get", "failureRate").Verdict);
        Assert.Equal(RunComparer.A, comparison.Verdict.Best);
        Assert.Contains("fails least", comparison.Verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_throttle_rate_change_below_the_noise_is_the_same()
    {
        // One throttle in 1,200 against none: a tenth of a percent is the smallest rate difference judged at all.
        var once = Run(1000);
        var get = once.Scenarios[0].Operations[0];
        var comparison = RunComparer.Compare(Run(1000), Run(1000, throttled: 0), 10, CompareMetric.Defaults);

        Assert.Equal(Verdict.Same, Row(comparison, "get", "throttleRate").Verdict);
        Assert.True(get.Completed > 0);
    }

    [Fact]
    public void An_operation_on_one_side_only_is_reported_but_is_not_a_regression()
    {
        var comparison = RunComparer.Compare(Run(1000), Run(1000, withPut: false), 10, CompareMetric.Defaults);

        var put = comparison.Operations.Single(o => o.Operation == "put");
        Assert.All(put.Rows, r => Assert.Equal(Verdict.OnlyInA, r.Verdict));
        Assert.All(put.Rows, r => Assert.Null(r.B));
        Assert.False(comparison.HasRegression);

        var reversed = RunComparer.Compare(Run(1000, withPut: false), Run(1000), 10, CompareMetric.Defaults);
        Assert.All(reversed.Operations.Single(o => o.Operation == "put").Rows, r => Assert.Equal(Verdict.OnlyInB, r.Verdict));
    }

    [Fact]
    public void Other_percentiles_come_from_the_histograms_and_the_maximum_is_never_judged()
    {
        var comparison = RunComparer.Compare(Run(1000), Run(3000), 10, CompareMetric.ParseList("p75, max"));

        Assert.Equal(["p75", "max", "goodput", "failureRate", "throttleRate"], comparison.Operations[0].Rows.Select(r => r.Metric));
        Assert.Equal(1.0, Row(comparison, "get", "max").A);
        Assert.Equal(Verdict.Regression, Row(comparison, "get", "p75").Verdict);
        Assert.Equal(Verdict.Same, Row(comparison, "get", "max").Verdict);
    }

    [Fact]
    public void Different_suites_and_scales_are_warned_about()
    {
        var a = Run(1000);
        var b = Run(1000) with { Run = a.Run with { Suite = "other", DurationScale = 0.1 } };

        var comparison = RunComparer.Compare(a, b, 10, CompareMetric.Defaults);

        Assert.Equal(2, comparison.Warnings.Count);
    }

    [Fact]
    public void Change_is_relative_to_a()
    {
        Assert.Equal(50, RunComparer.Change(2, 3));
        Assert.Equal(double.PositiveInfinity, RunComparer.Change(0, 0.5));
        Assert.Equal(0, RunComparer.Change(0, 0));
    }
}
