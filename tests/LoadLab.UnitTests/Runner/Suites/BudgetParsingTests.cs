using LoadLab.Core.Budgets;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

public class BudgetParsingTests
{
    /// <summary>A valid suite with two scenarios (browse: get/put, ingest: put) and the given budget lines.</summary>
    internal static string SuiteWith(string budgetLines) => $$"""
        name: t
        tables:
          items: { name: Items, key: { pk: S } }
        scenarios:
          - { name: browse, table: items, mix: { get: 80, put: 20 }, load: [ { rate: 10, for: 1m } ] }
          - { name: ingest, table: items, mix: { put: 1 }, load: [ { rate: 10, for: 1m } ] }
        budgets:
        {{budgetLines}}
        """;

    [Fact]
    public void The_documented_budgets_bind_to_definitions()
    {
        var plan = Parse(SuiteWith("""
              - { scenario: browse, op: get, p99: 25ms }
              - { scenario: browse, p99.9: 80ms, window: 30s, abortAfter: 20s }
              - { throttled: "< 0.5%" }
              - { scenario: browse, errors: "< 1%" }
              - { scenario: browse, throughput: ">= 180/s" }
              - { scenario: ingest, minThroughput: 50 }
              - { max: "< 1.5s" }
              - { op: put, p99.5: 40ms }
            """));

        Assert.Equal(
        [
            "browse/get p99 <= 25 ms",
            "browse p99.9 <= 80 ms (30s window)",
            "all throttleRate < 0.5 %",
            "browse errorRate < 1 %",
            "browse throughput >= 180 ops/s",
            "ingest throughput >= 50 ops/s",
            "all max < 1500 ms",
            "all/put p99.5 <= 40 ms",
        ], plan.Budgets.Select(b => b.Describe()));
        var windowed = plan.Budgets[1];
        Assert.Equal(BudgetMetric.Percentile, windowed.Metric);
        Assert.Equal(99.9, windowed.Percentile);
        Assert.Equal(TimeSpan.FromSeconds(30), windowed.Window);
        Assert.Equal(TimeSpan.FromSeconds(20), windowed.AbortAfter);
        Assert.Equal(BudgetComparison.Below, plan.Budgets[2].Comparison);
        Assert.Equal(0.5, plan.Budgets[2].Limit);
        Assert.Equal(BudgetComparison.AtLeast, plan.Budgets[5].Comparison);
        Assert.Null(plan.Budgets[7].Scenario);
        Assert.Equal("put", plan.Budgets[7].Operation);
    }

    [Fact]
    public void Budgets_in_block_style_and_small_limits_bind_too()
    {
        var plan = Parse(SuiteWith("""
              - scenario: browse
                op: get
                p99: 0.001ms
              - throughput: 180
              - throughput: 12.5/s
              - { throughput: "> 90 ops/s" }
              - { p90: "<= 1.5 s" }
            """));

        Assert.Equal(0.001, plan.Budgets[0].Limit, 9);
        Assert.Equal(180, plan.Budgets[1].Limit);
        Assert.Equal(12.5, plan.Budgets[2].Limit);
        Assert.Equal("all throughput > 90 ops/s", plan.Budgets[3].Describe());
        Assert.Equal("all p90 <= 1500 ms", plan.Budgets[4].Describe());
    }

    [Fact]
    public void A_suite_without_budgets_gets_only_failOn_s_default_error_rate()
    {
        var plan = Parse("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - { name: browse, table: items, mix: { get: 1 }, load: [ { rate: 10, for: 1m } ] }
            """);

        var budget = Assert.Single(plan.Budgets);
        Assert.Equal("all errorRate <= 1 %", budget.Describe());
    }

    [Fact]
    public void Windows_keep_their_length_under_duration_scale()
    {
        var plan = Parse(SuiteWith("  - { p99: 25ms, window: 30s, abortAfter: 10s }"), Options with { DurationScale = 0.1 });

        Assert.Equal(TimeSpan.FromSeconds(30), plan.Budgets[0].Window);
        Assert.Equal(TimeSpan.FromSeconds(10), plan.Budgets[0].AbortAfter);
    }
}
