using LoadLab.Core.Budgets;
using LoadLab.Core.Results;
using static LoadLab.TestSupport.SyntheticRun;

namespace LoadLab.UnitTests.Core.Budgets;

// Latencies below 2,048 µs are stored exactly (1 µs buckets), so "exactly at the limit" is exact here.
public class BudgetEvaluatorTests
{
    private static BudgetOutcome Single(RunResult run, BudgetDefinition budget) =>
        Assert.Single(BudgetEvaluator.Evaluate(run, [budget]));

    private static RunResult OneOperation(params Second[] seconds) =>
        Create(Scenario("browse", Operation("get", seconds)));

    [Theory]
    [InlineData(BudgetComparison.AtMost, true)]
    [InlineData(BudgetComparison.Below, false)]
    public void Latency_exactly_at_the_limit_passes_only_a_non_strict_budget(BudgetComparison comparison, bool passes)
    {
        var run = OneOperation(Steady(5, 100, 1000));

        var outcome = Single(run, new BudgetDefinition { Scenario = "browse", Operation = "get", Metric = BudgetMetric.Percentile, Percentile = 99, Comparison = comparison, Limit = 1.0 });

        Assert.Equal(1.0, outcome.Measured);
        Assert.Equal(passes, outcome.Passed);
        Assert.Equal(0, outcome.Margin);
        Assert.Equal("p99", outcome.Metric);
        Assert.Equal("ms", outcome.Unit);
    }

    [Theory]
    [InlineData(BudgetComparison.AtLeast, true)]
    [InlineData(BudgetComparison.Above, false)]
    public void Throughput_exactly_at_the_limit_passes_only_a_non_strict_budget(BudgetComparison comparison, bool passes)
    {
        var run = OneOperation(Steady(4, 180, 500));

        var outcome = Single(run, new BudgetDefinition { Scenario = "browse", Metric = BudgetMetric.Throughput, Comparison = comparison, Limit = 180 });

        Assert.Equal(180, outcome.Measured);
        Assert.Equal(passes, outcome.Passed);
        Assert.Equal(comparison == BudgetComparison.AtLeast ? ">=" : ">", outcome.Comparison);
    }

    [Theory]
    [InlineData(BudgetMetric.ThrottleRate, BudgetComparison.AtMost, true)]
    [InlineData(BudgetMetric.ThrottleRate, BudgetComparison.Below, false)]
    [InlineData(BudgetMetric.ErrorRate, BudgetComparison.AtMost, true)]
    [InlineData(BudgetMetric.ErrorRate, BudgetComparison.Below, false)]
    public void Rates_exactly_at_the_limit_pass_only_a_non_strict_budget(BudgetMetric metric, BudgetComparison comparison, bool passes)
    {
        // One of 200 operations: 0.5 %.
        var second = metric == BudgetMetric.ThrottleRate ? Second.Of(200, 800, throttled: 1) : Second.Of(200, 800, errors: 1);
        var run = OneOperation(second);

        var outcome = Single(run, new BudgetDefinition { Metric = metric, Comparison = comparison, Limit = 0.5 });

        Assert.Equal(0.5, outcome.Measured);
        Assert.Equal(passes, outcome.Passed);
        Assert.Equal("%", outcome.Unit);
    }

    [Fact]
    public void Whole_run_percentiles_and_max_agree_with_the_operation_summary()
    {
        long[] micros = [.. Enumerable.Range(1, 1000).Select(i => (long)(i * 37))];
        var run = OneOperation(new Second(micros));
        var summary = run.Scenarios[0].Operations[0].Latency;

        var outcomes = BudgetEvaluator.Evaluate(run,
        [
            new BudgetDefinition { Metric = BudgetMetric.Percentile, Percentile = 99, Limit = 1000 },
            new BudgetDefinition { Metric = BudgetMetric.Percentile, Percentile = 99.9, Limit = 1000 },
            new BudgetDefinition { Metric = BudgetMetric.Max, Limit = 1000 },
            new BudgetDefinition { Metric = BudgetMetric.Percentile, Percentile = 75, Limit = 1000 },
        ]);

        Assert.Equal(summary.P99Ms, outcomes[0].Measured);
        Assert.Equal(summary.P999Ms, outcomes[1].Measured);
        Assert.Equal(summary.MaxMs, outcomes[2].Measured);
        Assert.Equal(Expected(micros, 75), outcomes[3].Measured);
    }

    [Fact]
    public void Large_histograms_of_long_runs_are_read_exactly()
    {
        // A million latencies spread over three decades: the encoded histogram's payload is larger than one inflate read.
        var random = new Random(7);
        long[] micros = [.. Enumerable.Range(0, 1_000_000).Select(_ => (long)random.Next(500, 2_000_000))];
        var run = OneOperation(new Second(micros));

        var outcome = Single(run, new BudgetDefinition { Metric = BudgetMetric.Percentile, Percentile = 99.9, Limit = 5000 });

        Assert.Equal(Expected(micros, 99.9), outcome.Measured);
    }

    [Fact]
    public void No_samples_fails_with_a_note_instead_of_passing_silently()
    {
        var run = OneOperation(Second.None, Second.None);

        var outcomes = BudgetEvaluator.Evaluate(run,
        [
            new BudgetDefinition { Metric = BudgetMetric.Percentile, Percentile = 99, Limit = 25 },
            new BudgetDefinition { Metric = BudgetMetric.ThrottleRate, Limit = 1 },
            new BudgetDefinition { Metric = BudgetMetric.Percentile, Percentile = 99, Limit = 25, Window = TimeSpan.FromSeconds(1) },
            new BudgetDefinition { Scenario = "other", Metric = BudgetMetric.Throughput, Comparison = BudgetComparison.AtLeast, Limit = 1 },
        ]);

        Assert.All(outcomes, o =>
        {
            Assert.Null(o.Measured);
            Assert.False(o.Passed);
            Assert.Equal(BudgetEvaluator.NoSamples, o.Note);
            Assert.Null(o.Margin);
        });
    }

    [Fact]
    public void Sliding_window_finds_the_worst_window_exactly_from_the_interval_histograms()
    {
        // Ten seconds of 1 ms; seconds 5 and 6 at 50 ms. Over the run the median is 1 ms; the worst 3 s window has 2 slow seconds of 3.
        var seconds = Steady(10, 100, 1000);
        seconds[5] = Second.Of(100, 50_000);
        seconds[6] = Second.Of(100, 50_000);
        var run = OneOperation(seconds);
        var median = new BudgetDefinition { Scenario = "browse", Operation = "get", Metric = BudgetMetric.Percentile, Percentile = 50, Limit = 10 };

        var wholeRun = Single(run, median);
        var windowed = Single(run, median with { Window = TimeSpan.FromSeconds(3) });

        Assert.True(wholeRun.Passed);
        Assert.Equal(1.0, wholeRun.Measured);
        Assert.False(windowed.Passed);
        var worst = seconds[4].Micros.Concat(seconds[5].Micros).Concat(seconds[6].Micros);
        Assert.Equal(Expected(worst, 50), windowed.Measured);
        Assert.Equal("3s", windowed.Window);
        Assert.Equal("worst window 4-7 s", windowed.Note);
        Assert.Equal("browse/get p50 <= 10 ms (3s window)", windowed.Name);
    }

    [Fact]
    public void Sliding_window_worst_throughput_is_the_lowest_and_empty_windows_are_skipped()
    {
        // 3 s at 100/s, a 3 s pause (no load at all), 3 s at 100/s with one slow second at 40/s.
        var op = Operation("get", [.. Steady(3, 100, 900), Second.None, Second.None, Second.None, Second.Of(100, 900), Second.Of(40, 900), Second.Of(100, 900)]);
        var run = Create(Scenario("browse", new Shape(0, 3, 4, 5), op));
        var budget = new BudgetDefinition { Metric = BudgetMetric.Throughput, Comparison = BudgetComparison.AtLeast, Limit = 60, Window = TimeSpan.FromSeconds(2) };

        var outcome = Single(run, budget);

        // Windows wholly inside the pause measure nothing and are skipped; the worst real one is (100 + 40) / 2.
        Assert.Equal(70, outcome.Measured);
        Assert.True(outcome.Passed);
    }

    [Fact]
    public void A_stall_under_load_is_not_an_empty_window()
    {
        var run = OneOperation([.. Steady(3, 100, 900), Second.None, Second.None, .. Steady(3, 100, 900)]);

        var outcome = Single(run, new BudgetDefinition { Metric = BudgetMetric.Throughput, Comparison = BudgetComparison.AtLeast, Limit = 50, Window = TimeSpan.FromSeconds(2) });

        Assert.Equal(0, outcome.Measured);
        Assert.False(outcome.Passed);
    }

    [Fact]
    public void Latency_windows_without_completions_are_skipped()
    {
        var run = OneOperation([Second.Of(10, 1500), Second.None, Second.None, Second.None, Second.Of(10, 1200)]);

        var outcome = Single(run, new BudgetDefinition { Metric = BudgetMetric.Max, Limit = 2, Window = TimeSpan.FromSeconds(1) });

        Assert.Equal(1.5, outcome.Measured);
        Assert.True(outcome.Passed);
    }

    [Fact]
    public void Warmup_seconds_are_left_out_of_windows_and_of_whole_run_throughput()
    {
        var op = Operation("get", [Second.None, Second.None, .. Steady(4, 50, 700)]);
        var run = Create(Scenario("browse", new Shape(WarmupSeconds: 2), op));

        var outcomes = BudgetEvaluator.Evaluate(run,
        [
            new BudgetDefinition { Metric = BudgetMetric.Throughput, Comparison = BudgetComparison.AtLeast, Limit = 50 },
            new BudgetDefinition { Metric = BudgetMetric.Throughput, Comparison = BudgetComparison.AtLeast, Limit = 50, Window = TimeSpan.FromSeconds(2) },
        ]);

        Assert.All(outcomes, o => Assert.Equal(50, o.Measured));
        Assert.All(outcomes, o => Assert.True(o.Passed));
    }

    [Fact]
    public void A_run_shorter_than_the_window_is_one_window()
    {
        var run = OneOperation(Second.Of(10, 1000), Second.Of(10, 2000));

        var outcome = Single(run, new BudgetDefinition { Metric = BudgetMetric.Max, Limit = 5, Window = TimeSpan.FromSeconds(30) });

        Assert.Equal(2.0, outcome.Measured);
        Assert.Contains("shorter than the window", outcome.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_run_scope_adds_every_scenario_and_an_operation_filter_spans_scenarios()
    {
        var run = Create(
            Scenario("browse", Operation("get", Second.Of(100, 1000, throttled: 2)), Operation("put", Second.Of(100, 1900, throttled: 8))),
            Scenario("ingest", Operation("put", Second.Of(100, 1700))));

        var outcomes = BudgetEvaluator.Evaluate(run,
        [
            new BudgetDefinition { Metric = BudgetMetric.ThrottleRate, Limit = 5 },
            new BudgetDefinition { Operation = "put", Metric = BudgetMetric.Max, Limit = 5 },
            new BudgetDefinition { Operation = "put", Metric = BudgetMetric.ThrottleRate, Limit = 5 },
        ]);

        Assert.Equal(10 * 100.0 / 300, outcomes[0].Measured!.Value, 4);
        Assert.Equal("all throttleRate <= 5 %", outcomes[0].Name);
        Assert.Equal(1.9, outcomes[1].Measured);
        Assert.Equal("all/put max <= 5 ms", outcomes[1].Name);
        Assert.Equal(4, outcomes[2].Measured);
    }

    [Fact]
    public void An_aborting_budget_fails_and_says_when_it_stopped_the_run()
    {
        var run = OneOperation(Steady(3, 10, 900));
        var budget = new BudgetDefinition { Metric = BudgetMetric.Max, Limit = 5, AbortAfter = TimeSpan.FromSeconds(20) };
        var abort = new BudgetAbort(0, budget.Describe(), 42, 21, 9);

        var outcome = Assert.Single(BudgetEvaluator.Evaluate(run, [budget], abort));

        Assert.False(outcome.Passed);
        Assert.StartsWith("aborted the run at 42 s", outcome.Note, StringComparison.Ordinal);
        Assert.Contains("abortAfter 20s", outcome.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Interrupted_runs_evaluate_what_ran()
    {
        var run = OneOperation(Steady(2, 10, 900));
        run = run with { Run = run.Run with { Interrupted = true } };

        var outcome = Single(run, new BudgetDefinition { Metric = BudgetMetric.Percentile, Percentile = 99, Limit = 1 });

        Assert.Equal(0.9, outcome.Measured);
        Assert.True(outcome.Passed);
    }

    [Fact]
    public void Names_stay_unique_when_a_budget_is_listed_twice()
    {
        var run = OneOperation(Steady(1, 10, 900));
        var budget = new BudgetDefinition { Metric = BudgetMetric.Max, Limit = 5 };

        var outcomes = BudgetEvaluator.Evaluate(run, [budget, budget]);

        Assert.Equal(["all max <= 5 ms", "all max <= 5 ms #2"], outcomes.Select(o => o.Name));
    }

    [Fact]
    public void Margin_is_the_room_left_in_the_limits_direction()
    {
        Assert.Equal(5, new BudgetOutcome("n", null, null, "p99", "<=", 25, 20, "ms", true).Margin);
        Assert.Equal(-5, new BudgetOutcome("n", null, null, "p99", "<", 25, 30, "ms", false).Margin);
        Assert.Equal(20, new BudgetOutcome("n", null, null, "throughput", ">", 180, 200, "ops/s", true).Margin);
        Assert.Equal(-30, new BudgetOutcome("n", null, null, "throughput", ">=", 180, 150, "ops/s", false).Margin);
    }
}
