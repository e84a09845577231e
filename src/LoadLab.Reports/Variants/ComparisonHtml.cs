using LoadLab.Reports.Charts;
using LoadLab.Reports.Html;

namespace LoadLab.Reports.Variants;

/// <summary>comparison.html: the same tables as comparison.md with the latency chart of each scenario/operation, self-contained.</summary>
public static class ComparisonHtml
{
    public static string Render(VariantComparison comparison, string suite, IReadOnlyList<Chart> charts)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(charts);
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Element("title", $"LoadLab variant comparison: {suite}")
            .Raw("<style>\n").Raw(HtmlStyles.Css).Raw("\ntd.best { font-weight: 700; color: var(--pass); }\n</style>\n</head>\n<body>\n<main>\n");
        html.Open("header").Element("h1", $"Variant comparison: {suite}").Element("p", ComparisonText.Legend, "muted").Close("header");

        html.Open("section", id: "variants").Element("h2", "Variants");
        html.Table(["variant", "changes", "verdict", "report"], comparison.Variants.Select(v => (IReadOnlyList<Cell>)
        [
            v.Name,
            v.Changes.Count == 0 ? "the suite as written" : string.Join("; ", v.Changes),
            ComparisonMarkdown.Verdict(v.Result),
            v.Name + "/report.html",
        ]));
        html.Close("section");

        foreach (var group in comparison.Rows.GroupBy(r => r.Group))
        {
            html.Open("section").Element("h2", group.Key);
            var rows = group.Select(row => (IReadOnlyList<Cell>)
            [
                row.Metric,
                .. Enumerable.Range(0, comparison.Variants.Count).Select(i => new Cell(ComparisonText.Cell(row, i), row.BestIndexes.Contains(i) ? "best" : null)),
            ]);
            html.Table(["metric", .. comparison.Names.Select(n => ">" + n)], rows);
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
