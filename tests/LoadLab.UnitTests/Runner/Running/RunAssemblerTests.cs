using LoadLab.Core.Budgets;
using LoadLab.Core.Cost;
using LoadLab.Core.Engine;
using LoadLab.Core.Results;
using LoadLab.Runner.Planning;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.UnitTests.Reports.Support;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Running;

/// <summary>The result of a run is built in one place from what its stages produced.</summary>
public sealed class RunAssemblerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static readonly LoadLab.Core.Plans.RunPlan Plan = Parse("""
        name: assemble
        seed: 11
        tables:
          items: { name: Items, key: { pk: S }, capacity: { mode: on-demand } }
        data:
          items: { model: customer, items: 100 }
        scenarios:
          - name: s
            table: items
            mix: { put: 1 }
            load: [ { rate: 10, for: 10s } ]
        budgets:
          - { p99: 1h }
        """);

    private static ResolvedRun Run(SafetyOptions? safety = null, CostPrices? prices = null, string? account = null) => new()
    {
        Suite = Plan,
        Runs = [new ResolvedVariant(null, Plan, "out")],
        OutDirectory = "out",
        Simulator = new LoadLab.Capacity.Model.CapacitySettings(),
        Prices = prices ?? CostPrices.Default,
        Tracing = new LoadLab.Tracing.TracingOptions(),
        Safety = safety ?? SafetyOptions.Default,
        PlannedCost = new CostEstimate([], []),
        AccountId = account,
    };

    private static RunAssembler.Parts Parts(ResolvedRun run, EngineResult? engine, bool interrupted = false, BudgetAbort? abort = null) => new()
    {
        Run = run,
        Plan = Plan,
        Target = SyntheticRuns.Run.Run.Target,
        StartedAt = Start,
        EndedAt = Start.AddSeconds(30),
        Engine = engine,
        Interrupted = interrupted,
        Abort = abort,
    };

    private static EngineResult Engine(bool interrupted = false) =>
        new(Start.AddSeconds(5), Start.AddSeconds(15), 10, interrupted, SyntheticRuns.Run.Scenarios);

    [Fact]
    public void A_finished_run_that_meets_its_budgets_passes()
    {
        var result = RunAssembler.Assemble(Parts(Run(), Engine()));

        Assert.False(result.Run.Interrupted);
        Assert.Equal(11, result.Run.Seed);
        Assert.Equal(Start.AddSeconds(5), result.Run.StartedAt);
        Assert.Equal(RunVerdict.Passed, RunAssembler.VerdictOf(result));
        Assert.NotEmpty(result.Budgets);
    }

    [Fact]
    public void No_engine_result_means_the_run_was_interrupted_before_the_load()
    {
        var result = RunAssembler.Assemble(Parts(Run(), engine: null));

        Assert.True(result.Run.Interrupted);
        Assert.Equal(Start, result.Run.StartedAt);
        Assert.Equal(Start.AddSeconds(30), result.Run.EndedAt);
        Assert.Equal(RunVerdict.Interrupted, RunAssembler.VerdictOf(result));
    }

    [Fact]
    public void A_budget_abort_stops_the_engine_but_is_a_verdict_not_an_interruption()
    {
        var abort = new BudgetAbort(0, "p99 < 1h", 8, 2, 5);

        var result = RunAssembler.Assemble(Parts(Run(), Engine(interrupted: true), abort: abort));

        Assert.False(result.Run.Interrupted);
        Assert.Contains(result.Findings, f => f.Contains("abortAfter", StringComparison.Ordinal));
        Assert.Equal(RunVerdict.BudgetFailed, RunAssembler.VerdictOf(result));
    }

    [Fact]
    public void A_dead_target_stops_the_engine_and_fails_the_run_whatever_the_budgets_say()
    {
        var failure = new TargetFailure(12, 17, 340, 2, 5);

        var result = RunAssembler.Assemble(Parts(Run(), Engine(interrupted: true)) with { TargetFailure = failure });

        Assert.False(result.Run.Interrupted);
        Assert.True(result.BudgetsPassed);
        Assert.Equal(RunVerdict.TargetFailed, RunAssembler.VerdictOf(result));
        // What the failed operations most often failed with says what happened.
        var recorded = Assert.IsType<TargetFailure>(result.Run.TargetFailure);
        Assert.NotNull(recorded.MostFrequentError);
        Assert.Equal(failure with { MostFrequentError = recorded.MostFrequentError }, recorded);
        var finding = result.Findings[0];
        Assert.Contains("stopped answering 12 s into the load", finding, StringComparison.Ordinal);
        Assert.Contains("340 network errors, 2 timeouts; most frequent error: " + recorded.MostFrequentError, finding, StringComparison.Ordinal);
        Assert.Contains("stopped the run at 17 s", finding, StringComparison.Ordinal);
        Assert.Contains("exit 3", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dead_target_outranks_an_interruption_and_a_broken_budget()
    {
        var failure = new TargetFailure(1, 6, 10, 0, 5);
        var parts = Parts(Run(), Engine(interrupted: true), interrupted: true, abort: new BudgetAbort(0, "p99 < 1h", 8, 2, 5)) with { TargetFailure = failure };

        Assert.Equal(RunVerdict.TargetFailed, RunAssembler.VerdictOf(RunAssembler.Assemble(parts)));
    }

    [Fact]
    public void The_account_appears_only_when_asked_for()
    {
        Assert.Null(RunAssembler.Assemble(Parts(Run(account: "111122223333"), Engine())).Run.AccountId);
        Assert.Equal("111122223333", RunAssembler.Assemble(Parts(Run(new SafetyOptions { ShowAccount = true }, account: "111122223333"), Engine())).Run.AccountId);
    }

    [Fact]
    public void The_cost_is_priced_with_the_run_s_prices()
    {
        var cheap = RunAssembler.Assemble(Parts(Run(), Engine()));
        var dear = RunAssembler.Assemble(Parts(Run(prices: CostPrices.Default with { OnDemandReadPerMillion = 1.25, OnDemandWritePerMillion = 6.25 }), Engine()));

        Assert.Equal(CostPrices.Default, cheap.Cost!.Prices);
        Assert.Equal(6.25, dear.Cost!.Prices.OnDemandWritePerMillion);
    }
}
