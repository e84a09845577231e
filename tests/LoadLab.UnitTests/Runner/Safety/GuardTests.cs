using LoadLab.Core.Cost;
using LoadLab.Core.Errors;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Safety;
using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Safety;

/// <summary>Each guard refuses case by case with its exit code and a message that says what to do.</summary>
public sealed class GuardTests
{
    private static RunPlan Suite(string environment, string mix = "{ get: 3, scan: 1 }") => Parse($$"""
        name: guards
        environment: {{environment}}
        tables:
          orders: { name: Orders, key: { pk: S } }
        data:
          orders: { model: customer, items: 100 }
        scenarios:
          - name: browse
            table: orders
            mix: {{mix}}
            load: [ { rate: 10, for: 10s } ]
        """);

    [Fact]
    public void A_table_without_the_environments_prefix_is_refused()
    {
        var ex = Assert.Throws<InvalidInputException>(() => PrefixGuard.Check(["stg_Orders", "Orders", "dev_Users"], "stg_", "staging", "run"));
        Assert.Contains("Orders, dev_Users", ex.Message, StringComparison.Ordinal);
        Assert.Contains("prefix 'stg_'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("stg_Orders,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tables_with_the_prefix_pass_and_an_empty_prefix_never_does()
    {
        PrefixGuard.Check(["stg_Orders", "stg_Users"], "stg_", "staging", "run");
        var ex = Assert.Throws<InvalidInputException>(() => PrefixGuard.Check(["Orders"], "", "staging", "run"));
        Assert.Contains("empty table prefix", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_without_allow_prod_is_refused()
    {
        var ex = Assert.Throws<InvalidInputException>(() => PlanGuards.CheckRun(Suite("prod"), SafetyOptions.Default));
        Assert.Contains("--allow-prod", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ get: 3, put: 1 }", "browse: put")]
    [InlineData("{ scan: 1, update: 1 }", "browse: update")]
    [InlineData("{ batchGet: 1, batchWrite: 1 }", "browse: batchWrite")]
    [InlineData("{ transactGet: 1, transactWrite: 1 }", "browse: transactWrite")]
    [InlineData("{ scan: 1, delete: 1 }", "browse: delete")]
    [InlineData("{ get: 1, statement: { weight: 1, text: 'update \"{table}\" SET a = 1 WHERE pk = ?', params: [pk] } }", "browse: statement")]
    public void Prod_with_a_write_is_refused_even_with_allow_prod(string mix, string named)
    {
        var ex = Assert.Throws<InvalidInputException>(() => PlanGuards.CheckRun(Suite("prod", mix), new SafetyOptions { AllowProd = true }));
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
        Assert.Contains("only read operations", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prod_with_allow_prod_runs_reads()
    {
        var plan = Suite("prod", "{ get: 1, scan: 1, batchGet: 1, transactGet: 1, statement: { weight: 1, text: 'SELECT * FROM \"{table}\" WHERE pk = ?', params: [pk] } }");
        PlanGuards.CheckRun(plan, new SafetyOptions { AllowProd = true });
        var estimate = CostEstimator.Estimate(plan, CostPrices.Default);
        // Nothing is seeded on prod, so the estimate has no seeding line.
        Assert.DoesNotContain(estimate.Lines, l => l.What.StartsWith("seed", StringComparison.Ordinal));
    }

    [Fact]
    public void Prod_never_allows_seeding_teardown_or_run_teardown()
    {
        Assert.Contains("seed on prod", Assert.Throws<InvalidInputException>(() => PlanGuards.CheckChange(Suite("prod"), "seed")).Message, StringComparison.Ordinal);
        Assert.Contains("tear down on prod", Assert.Throws<InvalidInputException>(() => PlanGuards.CheckChange(Suite("prod"), "tear down")).Message, StringComparison.Ordinal);
        Assert.Contains("--teardown", Assert.Throws<InvalidInputException>(() => PlanGuards.CheckRun(Suite("prod"), new SafetyOptions { AllowProd = true, Teardown = true })).Message, StringComparison.Ordinal);
        PlanGuards.CheckChange(Suite("staging"), "seed");
    }

    [Fact]
    public async Task A_wrong_account_cannot_run_and_is_masked()
    {
        var sts = new FixedAccount("111122223333");
        var ex = await Assert.ThrowsAsync<CannotRunException>(() => AccountGuard.CheckAsync("staging", "444455556666", false, sts, CancellationToken.None));
        Assert.Contains("********3333", ex.Message, StringComparison.Ordinal);
        Assert.Contains("********6666", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("111122223333", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_right_account_passes_and_local_is_never_checked()
    {
        var sts = new FixedAccount("111122223333");
        Assert.Equal("111122223333", await AccountGuard.CheckAsync("staging", "111122223333", false, sts, CancellationToken.None));
        Assert.Equal(1, sts.Calls);

        Assert.Null(await AccountGuard.CheckAsync("local", "444455556666", true, sts, CancellationToken.None));
        Assert.Null(await AccountGuard.CheckAsync("staging", null, false, sts, CancellationToken.None));
        Assert.Equal(1, sts.Calls);
    }

    [Fact]
    public void A_cost_above_the_limit_is_refused()
    {
        var plan = Suite("staging");
        var estimate = CostEstimator.Estimate(plan, CostPrices.Default);
        Assert.True(estimate.TotalDollars > 0);
        var ex = Assert.Throws<InvalidInputException>(() => CostGuard.Check(estimate, estimate.TotalDollars / 2));
        Assert.Contains("above --max-cost", ex.Message, StringComparison.Ordinal);
        CostGuard.Check(estimate, estimate.TotalDollars * 2);
        CostGuard.Check(estimate, null);
    }

    [Fact]
    public void A_plan_with_closed_model_phases_cannot_be_priced_for_max_cost()
    {
        var plan = Parse("""
            name: closed
            tables:
              orders: { name: Orders, key: { pk: S } }
            data:
              orders: { model: customer, items: 10 }
            scenarios:
              - name: workers
                table: orders
                mix: { get: 1 }
                load: [ { concurrency: 4, for: 10s } ]
            """);
        var estimate = CostEstimator.Estimate(plan, CostPrices.Default);
        Assert.False(estimate.IsBounded);
        Assert.Contains("closed-model", Assert.Throws<InvalidInputException>(() => CostGuard.Check(estimate, 100)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Teardown_without_yes_off_a_terminal_is_refused_naming_yes()
    {
        var off = new ScriptedConfirmation(interactive: false, answer: true);
        var ex = Assert.Throws<InvalidInputException>(() => ConfirmationGuard.Require("delete 1 table(s): stg_Orders", yes: false, off));
        Assert.Contains("--yes", ex.Message, StringComparison.Ordinal);
        Assert.Empty(off.Asked);
    }

    [Fact]
    public void On_a_terminal_the_person_decides_and_yes_skips_the_question()
    {
        var declines = new ScriptedConfirmation(interactive: true, answer: false);
        Assert.Contains("Not confirmed", Assert.Throws<InvalidInputException>(() => ConfirmationGuard.Require("delete 1 table(s): stg_Orders", false, declines)).Message, StringComparison.Ordinal);
        Assert.Equal(["Delete 1 table(s): stg_Orders?"], declines.Asked);

        var accepts = new ScriptedConfirmation(interactive: true, answer: true);
        ConfirmationGuard.Require("delete 1 table(s): stg_Orders", false, accepts);
        Assert.Single(accepts.Asked);

        var never = new ScriptedConfirmation(interactive: false, answer: false);
        ConfirmationGuard.Require("delete 1 table(s): stg_Orders", yes: true, never);
        Assert.Empty(never.Asked);
    }

    private sealed class ScriptedConfirmation(bool interactive, bool answer) : IConfirmation
    {
        public List<string> Asked { get; } = [];

        public bool IsInteractive => interactive;

        public bool Confirm(string question)
        {
            Asked.Add(question);
            return answer;
        }
    }
}
