using LoadLab.Reports.Compare;
using LoadLab.Core.Plans;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>Renders a comparison: one table per scenario/operation with A, B, the change and a verdict per metric.</summary>
internal static class ComparisonTable
{
    public static IReadOnlyList<Table> Build(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var tables = new List<Table>(comparison.Operations.Count);
        foreach (var operation in comparison.Operations)
        {
            var table = new Table().Border(TableBorder.Rounded);
            table.Title(Markup.Escape($"{operation.Scenario}/{operation.Operation}"));
            table.AddColumn("metric");
            foreach (var column in new[] { "A", "B", "change" })
                table.AddColumn(new TableColumn(column).RightAligned());
            table.AddColumn("verdict");
            foreach (var row in operation.Rows)
            {
                table.AddRow(
                    Markup.Escape($"{row.Metric} ({row.Unit})"),
                    Value(row.A),
                    Value(row.B),
                    Change(row.ChangePercent),
                    Verdict(row.Verdict, comparison.TolerancePercent));
            }
            tables.Add(table);
        }
        return tables;
    }

    public static string VerdictText(Verdict verdict, double tolerancePercent) => verdict switch
    {
        Reports.Compare.Verdict.Better => "better",
        Reports.Compare.Verdict.Same => Formatting.Invariant($"same (within {tolerancePercent:0.##}%)"),
        Reports.Compare.Verdict.Regression => "REGRESSION",
        Reports.Compare.Verdict.OnlyInA => "only in A",
        Reports.Compare.Verdict.OnlyInB => "only in B",
        _ => "not measured",
    };

    private static string Verdict(Verdict verdict, double tolerancePercent)
    {
        string text = Markup.Escape(VerdictText(verdict, tolerancePercent));
        return verdict switch
        {
            Reports.Compare.Verdict.Better => $"[green]{text}[/]",
            Reports.Compare.Verdict.Regression => $"[red bold]{text}[/]",
            Reports.Compare.Verdict.OnlyInA or Reports.Compare.Verdict.OnlyInB => $"[yellow]{text}[/]",
            _ => text,
        };
    }

    private static string Value(double? value) => value is { } v ? Formatting.Invariant($"{v:0.###}") : "-";

    private static string Change(double? percent) => percent switch
    {
        null => "-",
        double.PositiveInfinity => "+inf",
        double.NegativeInfinity => "-inf",
        { } p => Formatting.Invariant($"{p:+0.#;-0.#;0}%"),
    };
}
