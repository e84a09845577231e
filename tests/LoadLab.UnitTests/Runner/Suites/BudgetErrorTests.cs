using static LoadLab.UnitTests.Runner.Suites.BudgetParsingTests;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Budget errors name file:line:column; positions are found from a marker in the text so the suites stay readable.
public class BudgetErrorTests
{
    /// <summary>1-based line and column of the first occurrence of <paramref name="marker"/>.</summary>
    private static (int Line, int Column) At(string yaml, string marker)
    {
        var index = yaml.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{marker}' is not in the suite");
        var before = yaml[..index];
        return (before.Count(c => c == '\n') + 1, index - (before.LastIndexOf('\n') + 1) + 1);
    }

    private static void AssertSingleError(string budgetLines, string marker, params string[] fragments)
    {
        var yaml = SuiteWith(budgetLines);
        var (line, column) = At(yaml, marker);
        AssertError(SingleError(yaml), line, column, fragments);
    }

    [Fact]
    public void Unknown_scenario_lists_the_scenarios_and_suggests_one() =>
        AssertSingleError("  - { scenario: brwse, p99: 25ms }", "brwse",
            "scenario: unknown scenario 'brwse' (defined: browse, ingest).", "Did you mean 'browse'?");

    [Fact]
    public void Operation_not_in_the_scenarios_mix_is_refused() =>
        AssertSingleError("  - { scenario: ingest, op: gte, p99: 25ms }", "gte",
            "op: scenario 'ingest' does not run 'gte'; its mix has: put.");

    [Fact]
    public void Operation_no_scenario_runs_suggests_a_close_one() =>
        AssertSingleError("  - { op: gte, p99: 25ms }", "gte",
            "op: no scenario runs 'gte'; the scenarios run: get, put.", "Did you mean 'get'?");

    [Fact]
    public void Unknown_metric_key_lists_the_allowed_keys_and_suggests_one() =>
        AssertSingleError("  - { scenario: browse, throtled: \"< 1%\" }", "throtled",
            "unknown key 'throtled' in budget 1; allowed: scenario, op, p50 … p99.99 (any percentile), max,", "Did you mean 'throttled'?");

    [Fact]
    public void Percentile_of_100_points_to_max() =>
        AssertSingleError("  - { p100: 25ms }", "p100", "bad percentile 'p100'", "use 'max'");

    [Fact]
    public void Percentile_above_100_suggests_the_usual_spelling() =>
        AssertSingleError("  - { p999: 25ms }", "p999", "bad percentile 'p999': a percentile is above 0 and below 100", "Did you mean 'p99.9'?");

    [Fact]
    public void Percentile_of_0_is_refused() =>
        AssertSingleError("  - { p0: 25ms }", "p0", "bad percentile 'p0'");

    [Fact]
    public void Latency_limit_must_be_a_duration() =>
        AssertSingleError("  - { p99: fast }", "fast", "p99: expected a latency such as 25ms, 1.5s or \"< 25ms\", found 'fast'");

    [Fact]
    public void Latency_limit_cannot_be_a_floor() =>
        AssertSingleError("  - { p99: \"> 25ms\" }", "\"> 25ms\"", "p99: '> 25ms' sets a floor", "use '<=' (the default) or '<'");

    [Fact]
    public void Throughput_cannot_be_a_ceiling() =>
        AssertSingleError("  - { throughput: \"< 180/s\" }", "\"< 180/s\"", "throughput: '< 180/s' sets a ceiling", "use '>=' (the default) or '>'");

    [Fact]
    public void Rate_limit_needs_a_percent_sign() =>
        AssertSingleError("  - { throttled: 0.5 }", "0.5", "throttled: expected a percentage such as \"< 0.5%\" or 1%, found '0.5'");

    [Fact]
    public void Rate_limit_is_at_most_100_percent() =>
        AssertSingleError("  - { errors: \"< 150%\" }", "\"< 150%\"", "errors: must be from 0% to 100%, found '< 150%'");

    [Fact]
    public void Unknown_comparison_is_refused() =>
        AssertSingleError("  - { throttled: \"== 1%\" }", "\"== 1%\"", "throttled: expected a percentage");

    [Fact]
    public void A_budget_needs_a_metric() =>
        AssertSingleError("  - { scenario: browse, window: 30s }", "{ scenario", "budget 1 has no metric; add one of p50 … p99.99");

    [Fact]
    public void A_budget_with_two_metrics_names_both() =>
        AssertSingleError("  - { scenario: browse, p99: 25ms, throttled: \"< 1%\" }", "throttled",
            "budget 1 has both 'p99' and 'throttled'; a budget checks one metric");

    [Fact]
    public void Window_must_be_a_duration() =>
        AssertSingleError("  - { p99: 25ms, window: 30 }", "30 }", "window: expected a duration such as 500ms, 30s, 2m, 1h or 1m30s, found '30'");

    [Fact]
    public void Window_must_cover_at_least_one_interval() =>
        AssertSingleError("  - { p99: 25ms, window: 500ms }", "500ms", "window: must be at least 1s, the length of one statistics interval, found '500ms'");

    [Fact]
    public void AbortAfter_must_be_a_duration() =>
        AssertSingleError("  - { p99: 25ms, abortAfter: soon }", "soon", "abortAfter: expected a duration");

    [Fact]
    public void Budgets_must_be_a_list()
    {
        var yaml = SuiteWith("  p99: 25ms");
        var (line, column) = At(yaml, "p99");
        AssertError(SingleError(yaml), line, column, "budgets: expected a list");
    }

    [Fact]
    public void Every_budget_error_is_reported_at_once_in_file_order()
    {
        var yaml = SuiteWith("""
              - { scenario: brwse, p99: 25ms }
              - { p99: 25ms, max: 30ms }
              - { p99: 25ms, window: soon }
            """);

        var errors = Errors(yaml);

        Assert.Equal(3, errors.Count);
        Assert.Equal([At(yaml, "brwse").Line, At(yaml, "max:").Line, At(yaml, "soon").Line], errors.Select(e => e.Line));
    }
}
