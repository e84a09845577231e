using LoadLab.Core.Budgets;
using static LoadLab.TestSupport.SyntheticRun;

namespace LoadLab.UnitTests.Core.Budgets;

/// <summary>
/// Budgets keep their meaning (every completed operation) unless they name an outcome: <c>outcome: ok</c> checks
/// the latency of successful operations only, over the whole run and in sliding windows.
/// </summary>
public sealed class OutcomeBudgetTests
{
    // Each second: 90 successful gets of 1 ms and 10 throttled ones that took 100 ms (the SDK's retries).
    private static readonly Second Mixed = new([.. Enumerable.Repeat(1_000L, 90), .. Enumerable.Repeat(100_000L, 10)], Throttled: 10);

    private static BudgetDefinition P99(string? outcome, TimeSpan? window = null) => new()
    {
        Scenario = "browse", Operation = "get", Metric = BudgetMetric.Percentile, Percentile = 99, Limit = 5, Outcome = outcome, Window = window,
    };

    [Fact]
    public void A_budget_without_an_outcome_keeps_counting_every_completed_operation()
    {
        var run = Create(Scenario("browse", Operation("get", Mixed, Mixed, Mixed)));

        var outcome = Assert.Single(BudgetEvaluator.Evaluate(run, [P99(null)]));

        Assert.False(outcome.Passed);
        Assert.True(outcome.Measured > 90);
    }

    [Fact]
    public void A_budget_naming_outcome_ok_checks_successful_operations_only()
    {
        var run = Create(Scenario("browse", Operation("get", Mixed, Mixed, Mixed)));

        var outcomes = BudgetEvaluator.Evaluate(run, [P99("ok"), P99("ok", TimeSpan.FromSeconds(2))]);

        Assert.All(outcomes, o => Assert.True(o.Passed, o.Name));
        Assert.All(outcomes, o => Assert.Equal(1.0, o.Measured));
        Assert.Equal("browse/get p99 (ok) <= 5 ms", outcomes[0].Name);
    }
}
