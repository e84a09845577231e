using LoadLab.Core.Budgets;

namespace LoadLab.Core.Plans;

/// <summary>
/// The suite's <c>failOn:</c> section: what fails a run besides its budgets, so CI never passes a run that mostly
/// failed or whose target died. Both rules are on by default.
/// </summary>
public sealed record FailOnPlan
{
    /// <summary>The default ceiling on the error rate of a suite that bounds no error rate itself.</summary>
    public const double DefaultErrorRatePercent = 1;

    /// <summary>The default time operations may go without any answer before the run stops as failed.</summary>
    public static readonly TimeSpan DefaultUnreachableFor = TimeSpan.FromSeconds(5);

    /// <summary>The default for <see cref="SeedingStalledFor"/>.</summary>
    public static readonly TimeSpan DefaultSeedingStalledFor = TimeSpan.FromMinutes(1);

    // Declared after the defaults above: static fields are set in order, and this one reads them.
    public static readonly FailOnPlan Default = new();

    /// <summary>
    /// <c>failOn.errorRate</c> as written (<c>&lt;= 1 %</c>, <c>&lt; 0.5 %</c>): an error-rate budget over every scenario and
    /// operation; null when the suite leaves it out (then <see cref="ErrorRateOff"/> or the default decides).
    /// </summary>
    public BudgetDefinition? ErrorRate { get; init; }

    /// <summary><c>failOn.errorRate: off</c>: no error-rate rule beyond the suite's own budgets.</summary>
    public bool ErrorRateOff { get; init; }

    /// <summary><c>failOn.unreachableFor</c>: how long operations may end in network errors and timeouts only, without a single answer.</summary>
    public TimeSpan UnreachableFor { get; init; } = DefaultUnreachableFor;

    /// <summary>
    /// <c>failOn.seedingStalledFor</c>: how long seeding may go without writing a single item before it gives up. It
    /// retries unprocessed and throttled items for as long as anything is written.
    /// </summary>
    public TimeSpan SeedingStalledFor { get; init; } = DefaultSeedingStalledFor;

    /// <summary>
    /// The error-rate budget this rule adds to the suite's <paramref name="budgets"/>: the one written in
    /// <c>failOn.errorRate</c>; otherwise, when no budget of the suite bounds an error rate, the default
    /// (<see cref="DefaultErrorRatePercent"/> over the whole run); null when it is off or the suite bounds errors itself.
    /// </summary>
    public BudgetDefinition? ErrorRateBudget(IReadOnlyList<BudgetDefinition> budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        if (ErrorRateOff)
            return null;
        if (ErrorRate is not null)
            return ErrorRate;
        return budgets.Any(b => b.Metric == BudgetMetric.ErrorRate)
            ? null
            : new BudgetDefinition { Metric = BudgetMetric.ErrorRate, Comparison = BudgetComparison.AtMost, Limit = DefaultErrorRatePercent };
    }
}
