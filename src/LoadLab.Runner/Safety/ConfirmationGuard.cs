using LoadLab.Core.Errors;

namespace LoadLab.Runner.Safety;

/// <summary>Destructive actions (teardown, re-seeding a kept table that holds items): --yes, or a person saying yes on a terminal.</summary>
internal static class ConfirmationGuard
{
    /// <param name="action">What would happen, e.g. "delete 2 table(s): stg_Orders, stg_Users".</param>
    /// <exception cref="InvalidInputException">Exit 2: not interactive without --yes, or declined.</exception>
    public static void Require(string action, bool yes, IConfirmation confirmation)
    {
        if (yes)
            return;
        if (!confirmation.IsInteractive)
            throw new InvalidInputException($"Refusing to {action} without confirmation: not on a terminal, so add --yes to confirm. Nothing was changed.");
        if (!confirmation.Confirm($"{char.ToUpperInvariant(action[0])}{action[1..]}?"))
            throw new InvalidInputException($"Not confirmed: did not {action}. Nothing was changed.");
    }
}
