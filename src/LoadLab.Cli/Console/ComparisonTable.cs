using LoadLab.Reports.Compare;
using LoadLab.Core.Plans;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LoadLab.Cli.Console;

/// <summary>
/// Renders a comparison: the headline verdict (the same rule and words as comparison.md), then one table per
/// scenario/operation with A, B, the change and a verdict per metric.
/// </summary>
internal static class ComparisonTable
{
    public static IReadOnlyList<IRenderable> Build(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var output = new List<IRenderable>(comparison.Operations.Count + 1);
        if (comparison.Verdict.Reason.Length > 0)
        {
            string title = comparison.Verdict.Best is { } best ? $"Verdict: {best} is better" : "Verdict: no clear winner";
            output.Add(new Markup($"[bold]{Markup.Escape(title)}[/] — {Markup.Escape(comparison.Verdict.Reason)}\n"));
        }

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
                    Markup.Escape(Label(row)),
                    Value(row.A),
                    Value(row.B),
                    Change(row.ChangePercent),
                    Verdict(row, comparison.TolerancePercent));
            }
            output.Add(table);
        }
        return output;
    }

    public static string VerdictText(Verdict verdict, double tolerancePercent) => verdict switch
    {
        Reports.Compare.Verdict.Better => "better",
        Reports.Compare.Verdict.Same => Formatting.Invariant($"same (within the noise or {tolerancePercent:0.##}%)"),
        Reports.Compare.Verdict.Regression => "REGRESSION",
        Reports.Compare.Verdict.OnlyInA => "only in A",
        Reports.Compare.Verdict.OnlyInB => "only in B",
        _ => "not measured",
    };

    // Latency rows are of successful operations, the headline latency of every report.
    private static string Label(MetricRow row) => row.Unit == "ms" ? $"{row.Metric} ok ({row.Unit})" : $"{row.Metric} ({row.Unit})";

    private static string Verdict(MetricRow row, double tolerancePercent)
    {
        string text = Markup.Escape(VerdictText(row.Verdict, tolerancePercent) + (row.Note is { } note && row.Verdict == Reports.Compare.Verdict.Same ? ": " + note : ""));
        return row.Verdict switch
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
