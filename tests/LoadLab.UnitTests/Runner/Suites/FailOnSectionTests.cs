using LoadLab.Core.Budgets;
using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>
/// <c>failOn:</c> — the error rate that fails a run without budgets and how long the target may stay unreachable —
/// read with positions, and the error rate judged as the last budget of the plan.
/// </summary>
public sealed class FailOnSectionTests
{
    private static string Suite(string failOn = "", string budgets = "") => $"""
        name: t
        tables:
          items: {"{"} name: Items, key: {"{"} pk: S {"}"} {"}"}
        scenarios:
          - {"{"} name: browse, table: items, mix: {"{"} get: 1 {"}"}, load: [ {"{"} rate: 10, for: 1m {"}"} ] {"}"}
        {failOn}
        {budgets}
        """;

    [Fact]
    public void Without_the_section_the_run_fails_above_1_percent_errors_and_after_5_s_without_an_answer()
    {
        var plan = Parse(Suite());

        Assert.Equal(FailOnPlan.Default, plan.FailOn);
        Assert.Equal(TimeSpan.FromSeconds(5), plan.FailOn.UnreachableFor);
        var budget = Assert.Single(plan.Budgets);
        Assert.Equal(new BudgetDefinition { Metric = BudgetMetric.ErrorRate, Comparison = BudgetComparison.AtMost, Limit = 1 }, budget);
    }

    [Fact]
    public void The_suite_sets_both_rules()
    {
        var plan = Parse(Suite("failOn: { errorRate: \"< 0.5%\", unreachableFor: 30s }"));

        Assert.Equal(TimeSpan.FromSeconds(30), plan.FailOn.UnreachableFor);
        var budget = Assert.Single(plan.Budgets);
        Assert.Equal("all errorRate < 0.5 %", budget.Describe());
    }

    [Fact]
    public void A_budget_that_bounds_errors_replaces_the_default_and_off_removes_it()
    {
        var own = Parse(Suite(budgets: "budgets: [ { scenario: browse, errors: 5% }, { p99: 25ms } ]"));
        Assert.Equal(["browse errorRate <= 5 %", "all p99 <= 25 ms"], own.Budgets.Select(b => b.Describe()));

        var off = Parse(Suite("failOn: { errorRate: off }", "budgets: [ { p99: 25ms } ]"));
        Assert.Equal(["all p99 <= 25 ms"], off.Budgets.Select(b => b.Describe()));
    }

    [Fact]
    public void An_explicit_failOn_error_rate_is_added_after_the_suite_s_own_budgets()
    {
        // The suite's budgets keep their positions: abortAfter refers to them by index.
        var plan = Parse(Suite("failOn: { errorRate: 2% }", "budgets: [ { errors: 5% }, { p99: 25ms, abortAfter: 10s } ]"));

        Assert.Equal(["all errorRate <= 5 %", "all p99 <= 25 ms", "all errorRate <= 2 %"], plan.Budgets.Select(b => b.Describe()));
    }

    [Fact]
    public void Wrong_values_are_reported_at_their_place_all_at_once()
    {
        var errors = Errors(Suite("failOn: { errorRate: lots, unreachableFor: 0.5s, onError: stop }"));

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], 6, 22, "failOn.errorRate: expected a percentage such as \"< 0.5%\" or 1% or off, found 'lots'");
        AssertError(errors[1], 6, 44, "failOn.unreachableFor: expected a duration from 1s to 10m");
        AssertError(errors[2], 6, 50, "unknown key 'onError' in failOn", "errorRate, unreachableFor");
    }

    [Fact]
    public void An_error_rate_floor_is_refused()
    {
        AssertError(SingleError(Suite("failOn: { errorRate: \">= 1%\" }")), 6, 22, "sets a floor");
    }
}
