using LoadLab.Core.Budgets;
using LoadLab.Core.Plans;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>Every budget of the run with what was measured, the limit, the room left and the verdict.</summary>
internal static class BudgetTable
{
    public static Table Build(IReadOnlyList<BudgetOutcome> budgets)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        int failed = budgets.Count(b => !b.Passed);
        var table = new Table().Border(TableBorder.Rounded);
        table.Title(failed == 0
            ? Formatting.Invariant($"Budgets: all {budgets.Count} met")
            : Formatting.Invariant($"Budgets: {failed} of {budgets.Count} FAILED"));
        table.AddColumn("budget");
        foreach (var column in new[] { "measured", "limit", "margin" })
            table.AddColumn(new TableColumn(column).RightAligned());
        table.AddColumn("result");
        table.AddColumn("note");
        foreach (var b in budgets)
        {
            table.AddRow(
                Markup.Escape(b.Name),
                b.Measured is { } m ? Markup.Escape(Value(m, b.Unit)) : "-",
                Markup.Escape($"{b.Comparison} {Value(b.Limit, b.Unit)}"),
                b.Margin is { } margin ? Markup.Escape(Signed(margin, b.Unit)) : "-",
                b.Passed ? "[green]pass[/]" : "[red bold]FAIL[/]",
                Markup.Escape(b.Note ?? ""));
        }
        return table;
    }

    private static string Value(double value, string unit) => Formatting.Invariant($"{value:0.###} {unit}");

    private static string Signed(double value, string unit) => Formatting.Invariant($"{value:+0.###;-0.###;0} {unit}");
}
