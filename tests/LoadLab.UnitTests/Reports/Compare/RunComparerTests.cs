using LoadLab.Reports.Compare;
using LoadLab.Core.Results;
using LoadLab.UnitTests.Core.Budgets;
using static LoadLab.TestSupport.SyntheticRun;

namespace LoadLab.UnitTests.Reports.Compare;

public class RunComparerTests
{
    private static RunResult Run(long getMicros, int getPerSecond = 100, int throttled = 0, bool withPut = true)
    {
        var get = Operation("get", [.. Enumerable.Range(0, 5).Select(_ => Second.Of(getPerSecond, getMicros, throttled))]);
        var put = Operation("put", Steady(5, 20, 1500));
        return Create(withPut ? Scenario("browse", get, put) : Scenario("browse", get));
    }

    private static MetricRow Row(RunComparison comparison, string operation, string metric) =>
        comparison.Operations.Single(o => o.Operation == operation).Rows.Single(r => r.Metric == metric);

    [Theory]
    [InlineData(1000.0, 1000.0, Verdict.Same)]
    [InlineData(1000.0, 1100.0, Verdict.Same)] // exactly at the tolerance
    [InlineData(1000.0, 1101.0, Verdict.Regression)]
    [InlineData(1000.0, 899.0, Verdict.Better)]
    [InlineData(1000.0, 950.0, Verdict.Same)]
    public void Latency_verdicts_follow_the_tolerance(double a, double b, Verdict expected) =>
        Assert.Equal(expected, RunComparer.Judge(a, b, higherIsBetter: false, tolerancePercent: 10));

    [Theory]
    [InlineData(200.0, 150.0, Verdict.Regression)]
    [InlineData(200.0, 250.0, Verdict.Better)]
    [InlineData(200.0, 190.0, Verdict.Same)]
    public void Throughput_is_better_when_higher(double a, double b, Verdict expected) =>
        Assert.Equal(expected, RunComparer.Judge(a, b, higherIsBetter: true, tolerancePercent: 10));

    [Fact]
    public void Tiny_throttle_rate_changes_are_below_the_noise_floor()
    {
        Assert.Equal(Verdict.Same, RunComparer.Judge(0, 0.05, higherIsBetter: false, 10, RunComparer.ThrottleNoiseFloor));
        Assert.Equal(Verdict.Regression, RunComparer.Judge(0, 0.5, higherIsBetter: false, 10, RunComparer.ThrottleNoiseFloor));
        Assert.Equal(double.PositiveInfinity, RunComparer.Change(0, 0.5));
    }

    [Fact]
    public void Missing_values_are_not_measured() =>
        Assert.Equal(Verdict.NotMeasured, RunComparer.Judge(null, 5, higherIsBetter: false, 10));

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
    }

    [Fact]
    public void Regression_beyond_the_tolerance_fails_the_comparison()
    {
        var comparison = RunComparer.Compare(Run(1000), Run(1500), 10, CompareMetric.Defaults);

        Assert.Equal(Verdict.Regression, Row(comparison, "get", "p50").Verdict);
        Assert.Equal(50, Row(comparison, "get", "p50").ChangePercent);
        Assert.True(comparison.HasRegression);
        Assert.Equal(3, comparison.Regressions); // p50, p99, p99.9 of get
    }

    [Fact]
    public void Change_within_the_tolerance_is_the_same()
    {
        var comparison = RunComparer.Compare(Run(1000), Run(1080), 10, CompareMetric.Defaults);

        Assert.All(comparison.Operations.SelectMany(o => o.Rows), r => Assert.Equal(Verdict.Same, r.Verdict));
        Assert.False(comparison.HasRegression);
    }

    [Fact]
    public void Throughput_and_throttle_rate_rows_are_compared()
    {
        var comparison = RunComparer.Compare(Run(1000, getPerSecond: 100), Run(1000, getPerSecond: 60, throttled: 6), 10, CompareMetric.Defaults);

        var throughput = Row(comparison, "get", "throughput");
        Assert.Equal(100, throughput.A);
        Assert.Equal(60, throughput.B);
        Assert.Equal(Verdict.Regression, throughput.Verdict);
        var throttles = Row(comparison, "get", "throttleRate");
        Assert.Equal(0, throttles.A);
        Assert.Equal(10, throttles.B);
        Assert.Equal(Verdict.Regression, throttles.Verdict);
        Assert.Equal("%", throttles.Unit);
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
    public void Other_percentiles_come_from_the_histograms()
    {
        var comparison = RunComparer.Compare(Run(1000), Run(1000), 10, CompareMetric.ParseList("p75, max"));

        Assert.Equal(["p75", "max", "throughput", "throttleRate"], comparison.Operations[0].Rows.Select(r => r.Metric));
        Assert.Equal(1.0, Row(comparison, "get", "max").A);
    }

    [Fact]
    public void Different_suites_and_scales_are_warned_about()
    {
        var a = Run(1000);
        var b = Run(1000) with { Run = a.Run with { Suite = "other", DurationScale = 0.1 } };

        var comparison = RunComparer.Compare(a, b, 10, CompareMetric.Defaults);

        Assert.Equal(2, comparison.Warnings.Count);
    }
}
