using System.Text;
using LoadLab.Reports.Charts;

namespace LoadLab.Reports.Variants;

/// <summary>
/// Writes the comparison of a suite's variants into the run's folder, next to one sub-folder per
/// variant: comparison.md, comparison.html, comparison.json and charts/variants-*.png (latency per scenario/operation).
/// </summary>
public static class ComparisonWriter
{
    public const string MarkdownFile = "comparison.md";
    public const string HtmlFile = "comparison.html";

    public static async Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<VariantRun> variants, string suite, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variants);
        Directory.CreateDirectory(directory);
        var comparison = VariantComparison.Build(variants);
        var written = new List<string>();
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        string markdown = Path.Combine(directory, MarkdownFile);
        await File.WriteAllTextAsync(markdown, ComparisonMarkdown.Render(comparison, suite), encoding, cancellationToken).ConfigureAwait(false);
        written.Add(markdown);
        string json = Path.Combine(directory, ComparisonJson.FileName);
        await File.WriteAllTextAsync(json, ComparisonJson.Serialize(comparison.Judgement), encoding, cancellationToken).ConfigureAwait(false);
        written.Add(json);

        var charts = Charts(variants);
        try
        {
            string html = Path.Combine(directory, HtmlFile);
            await File.WriteAllTextAsync(html, ComparisonHtml.Render(comparison, suite, charts), encoding, cancellationToken).ConfigureAwait(false);
            written.Add(html);
            string chartDirectory = Path.Combine(directory, "charts");
            Directory.CreateDirectory(chartDirectory);
            foreach (var chart in charts)
            {
                string png = Path.Combine(chartDirectory, chart.Id + ".png");
                chart.SavePng(png);
                written.Add(png);
            }
        }
        finally
        {
            foreach (var chart in charts) chart.Dispose();
        }

        return written;
    }

    /// <summary>One latency chart per scenario/operation present in any variant.</summary>
    private static List<Chart> Charts(IReadOnlyList<VariantRun> variants)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var operations = variants.SelectMany(v => v.Result.Scenarios.SelectMany(s => s.Operations.Select(o => (Scenario: s.Name, Operation: o.Name)))).Distinct();
        return [.. operations.Select(p => VariantComparisonChart.Create(variants, p.Scenario, p.Operation, RunCharts.Id(taken, "variants", p.Scenario + "-" + p.Operation)))];
    }
}
