using LoadLab.Reports.Charts;
using LoadLab.Reports.Html;

namespace LoadLab.Reports.Variants;

/// <summary>comparison.html: the verdict, the same tables as comparison.md and the latency chart of each scenario/operation, self-contained.</summary>
public static class ComparisonHtml
{
    private const string Css = """
        td.best { font-weight: 700; color: var(--pass); }
        .headline { border: 1px solid var(--line); border-left: 6px solid var(--pass); border-radius: 6px; padding: 10px 16px; margin: 12px 0 4px; background: #f6fbf7; }
        .headline.none { border-left-color: var(--warn); background: #fffaf0; }
        .headline h2 { border: 0; margin: 0 0 4px; padding: 0; font-size: 20px; }
        .headline p { margin: 0; }
        td.note { color: var(--muted); font-size: 12.5px; max-width: 46ch; }
        .warning { color: var(--warn); }
        """;

    public static string Render(VariantComparison comparison, string suite, IReadOnlyList<Chart> charts)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(charts);
        var judgement = comparison.Judgement;
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Element("title", $"LoadLab variant comparison: {suite}")
            .Raw("<style>\n").Raw(HtmlStyles.Css).Raw("\n").Raw(Css).Raw("\n</style>\n</head>\n<body>\n<main>\n");
        html.Open("header").Element("h1", $"Variant comparison: {suite}");
        html.Open("section", judgement.Verdict.Best is null ? "headline none" : "headline", id: "verdict")
            .Element("h2", ComparisonText.VerdictTitle(judgement.Verdict))
            .Element("p", judgement.Verdict.Reason)
            .Close("section");
        foreach (var warning in judgement.Warnings)
            html.Element("p", "⚠ " + warning, "warning");
        html.Element("p", ComparisonText.Legend, "muted").Close("header");

        html.Open("section", id: "variants").Element("h2", "Variants");
        html.Table(["variant", "changes", "budgets", "report"], comparison.Variants.Select(v => (IReadOnlyList<Cell>)
        [
            v.Name,
            v.Changes.Count == 0 ? "the suite as written" : string.Join("; ", v.Changes),
            ComparisonMarkdown.Verdict(v.Result),
            new Cell(v.Name + "/report.html", Href: v.Name + "/report.html"),
        ]));
        html.Close("section");

        foreach (var group in judgement.Rows.GroupBy(r => r.Group))
        {
            html.Open("section").Element("h2", group.Key);
            var rows = group.Select(row => (IReadOnlyList<Cell>)
            [
                row.Metric,
                .. Enumerable.Range(0, comparison.Names.Count).Select(i => new Cell(ComparisonText.Cell(row, i), row.Better == i ? "best" : null)),
                new Cell(ComparisonText.Note(row), "note"),
            ]);
            html.Table(["metric", .. comparison.Names.Select(n => ">" + n), "note"], rows);
            foreach (var chart in charts.Where(c => c.Title.EndsWith(": " + group.Key, StringComparison.Ordinal)))
            {
                html.Open("figure").Raw(chart.ToSvg());
                if (chart.Caption is not null) html.Element("figcaption", chart.Caption);
                html.Close("figure");
            }
            html.Close("section");
        }

        html.Raw("</main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
