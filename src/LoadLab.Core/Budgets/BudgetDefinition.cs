using LoadLab.Core.Plans;

namespace LoadLab.Core.Budgets;

/// <summary>What a budget measures.</summary>
public enum BudgetMetric
{
    /// <summary>A percentile of the corrected latency (<see cref="BudgetDefinition.Percentile"/>), in ms.</summary>
    Percentile,

    /// <summary>The largest corrected latency, in ms.</summary>
    Max,

    /// <summary>Completed operations per second.</summary>
    Throughput,

    /// <summary>Throttled operations (after retries) as a percentage of completed operations.</summary>
    ThrottleRate,

    /// <summary>Failed operations (client, server, timeout and network errors) as a percentage of completed operations.</summary>
    ErrorRate,
}

/// <summary>How the measured value must relate to the limit.</summary>
public enum BudgetComparison
{
    /// <summary><c>&lt;=</c>: the limit itself passes.</summary>
    AtMost,

    /// <summary><c>&lt;</c>: the limit itself fails.</summary>
    Below,

    /// <summary><c>&gt;=</c>: the limit itself passes.</summary>
    AtLeast,

    /// <summary><c>&gt;</c>: the limit itself fails.</summary>
    Above,
}

/// <summary>
/// One budget of a suite, as plain data: scope (scenario, operation), metric, comparison and limit,
/// optionally over a sliding window and with a grace after which a broken budget stops the run.
/// </summary>
public sealed record BudgetDefinition
{
    /// <summary>Scenario name, or null for every scenario.</summary>
    public string? Scenario { get; init; }

    /// <summary>Operation name (get, put, …), or null for every operation.</summary>
    public string? Operation { get; init; }

    public required BudgetMetric Metric { get; init; }

    /// <summary>For <see cref="BudgetMetric.Percentile"/>: the percentile, greater than 0 and below 100 (e.g. 99.9).</summary>
    public double Percentile { get; init; }

    public BudgetComparison Comparison { get; init; } = BudgetComparison.AtMost;

    /// <summary>The limit in <see cref="Unit"/>: ms for latency, ops/s for throughput, % for rates.</summary>
    public required double Limit { get; init; }

    /// <summary>Null for the whole run; otherwise the length of the sliding window whose worst value counts.</summary>
    public TimeSpan? Window { get; init; }

    /// <summary>Null: checked only at the end. Otherwise the run stops once the budget has been broken for longer than this.</summary>
    public TimeSpan? AbortAfter { get; init; }

    /// <summary>
    /// The outcome a latency budget is limited to: <c>ok</c> checks only successful operations (the reports' headline
    /// latency). Null keeps the budget's long-standing meaning: every completed operation, whatever its outcome.
    /// </summary>
    public string? Outcome { get; init; }

    /// <summary>The only outcome a budget may name: successful operations.</summary>
    public const string OkOutcome = "ok";

    /// <summary>True for a latency budget limited to successful operations.</summary>
    public bool OkOnly => Outcome == OkOutcome && Unit == "ms";

    /// <summary>p99.9, max, throughput, throttleRate or errorRate (the names results.json uses).</summary>
    public string MetricName => Metric switch
    {
        BudgetMetric.Percentile => Formatting.Invariant($"p{Percentile:0.#####}"),
        BudgetMetric.Max => "max",
        BudgetMetric.Throughput => "throughput",
        BudgetMetric.ThrottleRate => "throttleRate",
        _ => "errorRate",
    };

    public string Unit => Metric switch
    {
        BudgetMetric.Percentile or BudgetMetric.Max => "ms",
        BudgetMetric.Throughput => "ops/s",
        _ => "%",
    };

    /// <summary>True when a larger measured value is better (throughput): the worst window is the lowest.</summary>
    public bool HigherIsBetter => Metric == BudgetMetric.Throughput;

    /// <summary><c>&lt;=</c>, <c>&lt;</c>, <c>&gt;=</c> or <c>&gt;</c>.</summary>
    public string ComparisonSymbol => Comparison switch
    {
        BudgetComparison.AtMost => "<=",
        BudgetComparison.Below => "<",
        BudgetComparison.AtLeast => ">=",
        _ => ">",
    };

    /// <summary>browse/get, browse, all/get or all.</summary>
    public string ScopeName => (Scenario ?? "all") + (Operation is null ? "" : "/" + Operation);

    /// <summary>Readable identity, e.g. <c>browse/get p99 &lt;= 25 ms</c> or <c>browse p99.9 &lt;= 80 ms (30s window)</c>.</summary>
    public string Describe() =>
        Formatting.Invariant($"{ScopeName} {MetricName}{(Outcome is { } o ? " (" + o + ")" : "")} {ComparisonSymbol} {Limit:0.#####} {Unit}")
        + (Window is { } w ? $" ({Formatting.Duration(w)} window)" : "");

    /// <summary>Whether <paramref name="measured"/> keeps the budget; exactly at the limit passes only the non-strict comparisons.</summary>
    public bool Holds(double measured) => Comparison switch
    {
        BudgetComparison.AtMost => measured <= Limit,
        BudgetComparison.Below => measured < Limit,
        BudgetComparison.AtLeast => measured >= Limit,
        _ => measured > Limit,
    };

    /// <summary>True when <paramref name="candidate"/> is a worse value than <paramref name="current"/> for this metric.</summary>
    public bool IsWorse(double candidate, double current) => HigherIsBetter ? candidate < current : candidate > current;
}
