namespace LoadLab.Core.Budgets;

/// <summary>
/// A budget that stopped the run: it stayed broken for longer than its <see cref="BudgetDefinition.AbortAfter"/> grace.
/// </summary>
/// <param name="BudgetIndex">Position of the budget in the plan's list (names may repeat; positions do not).</param>
/// <param name="Budget">The budget's readable name.</param>
/// <param name="AtSeconds">Seconds from the run's start when the run was stopped.</param>
/// <param name="BrokenSinceSeconds">Seconds from the run's start since when the budget had been broken without a break.</param>
/// <param name="Measured">The value that broke it last, in the budget's unit.</param>
public sealed record BudgetAbort(int BudgetIndex, string Budget, double AtSeconds, double BrokenSinceSeconds, double Measured)
{
    public double BrokenForSeconds => AtSeconds - BrokenSinceSeconds;
}
