using System.Text.RegularExpressions;
using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Html;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

public partial class HtmlReportTests
{
    private static readonly Lazy<(string Html, string[] ChartIds)> Default = new(() => Render(SyntheticRuns.Run));
    private static readonly Lazy<(string Html, string[] ChartIds)> Hostile = new(() => Render(SyntheticRuns.Hostile));

    [Fact]
    public void Each_chart_is_one_inline_svg()
    {
        var (html, ids) = Default.Value;
        Assert.Equal(ids.Length, Regex.Matches(html, "<svg[ >]").Count);
        Assert.Equal(ids.Length, Regex.Matches(html, "</svg>").Count);
        foreach (var id in ids)
            Assert.Contains($"<figure id=\"chart-{id}\">\n<svg ", html, StringComparison.Ordinal);
        Assert.Contains("figure id=\"chart-throttles\"", html, StringComparison.Ordinal);
        Assert.Contains("figure id=\"chart-percentiles-browse\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained()
    {
        var (html, _) = Default.Value;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        // url() only points at clip paths inside the page.
        Assert.All(Regex.Matches(html, "url\\(([^)]*)\\)").Select(m => m.Groups[1].Value), v => Assert.StartsWith("#", v, StringComparison.Ordinal));
        // The only attributes holding absolute URLs are SVG namespace names, which browsers never fetch
        // (the target's endpoint may appear as text, which is not a reference).
        var urls = AttributeUrl().Matches(html).Select(m => m.Value).ToArray();
        Assert.NotEmpty(urls);
        Assert.All(urls, u => Assert.Matches("^xmlns(:xlink)?=\"http://www\\.w3\\.org/", u));
        // Links go to anchors on the page only.
        Assert.All(Regex.Matches(html, "(?:href|src)=\"([^\"]*)\"").Select(m => m.Groups[1].Value), v => Assert.StartsWith("#", v, StringComparison.Ordinal));
    }

    [Fact]
    public void Svg_ids_are_unique_across_the_page_and_every_reference_resolves()
    {
        var (html, _) = Default.Value;
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        var references = Regex.Matches(html, "(?:url\\(#|href=\"#)([^\")]+)").Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.Contains(r, ids));
    }

    [Fact]
    public void Sections_are_all_there_and_tags_balance()
    {
        var (html, _) = Default.Value;
        var run = SyntheticRuns.Run;
        Assert.Contains("<h1>LoadLab report: orders-release-check</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"verdict fail\"", html, StringComparison.Ordinal);
        foreach (var id in new[] { "budgets", "scenario-browse", "scenario-checkout", "run-charts", "findings", "run-info" })
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        foreach (var b in run.Budgets)
            Assert.Contains(HtmlWriter.Escape(b.Name), html, StringComparison.Ordinal);
        foreach (var f in run.Findings)
            Assert.Contains("<li>" + HtmlWriter.Escape(f) + "</li>", html, StringComparison.Ordinal);
        Assert.Contains("AWSSDK.DynamoDBv2 4.1.0", html, StringComparison.Ordinal);
        foreach (var tag in new[] { "section", "table", "figure", "div", "ul", "dl", "svg", "header", "nav", "main", "html", "body", "head", "style" })
            Assert.Equal(Regex.Matches(html, $"<{tag}[ >]").Count, Regex.Matches(html, $"</{tag}>").Count);
    }

    [Fact]
    public void Operation_rows_carry_the_operations_chart_colour()
    {
        var (html, _) = Default.Value;
        var palette = OperationPalette.For(SyntheticRuns.Run);
        Assert.Contains($"<span class=\"swatch\" style=\"background:{palette.Hex("get")}\"></span>get</td>", html, StringComparison.Ordinal);
        Assert.NotEqual(palette.Hex("get"), palette.Hex("put"));
    }

    [Fact]
    public void Every_text_is_escaped_even_inside_charts()
    {
        var (html, _) = Hostile.Value;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert('x')", html, StringComparison.Ordinal);
        Assert.Contains("Scenario &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;", html, StringComparison.Ordinal);
        // Chart titles name the scenario too; ScottPlot's SVG escapes it.
        Assert.Contains("&lt;script&gt;alert(", html[html.IndexOf("<svg", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exporter_writes_report_html()
    {
        using var dir = new TempDirectory();
        var written = await new HtmlReportExporter().ExportAsync(SyntheticRuns.Run, dir.Path, CancellationToken.None);
        Assert.Equal([dir.File("report.html")], written);
        Assert.Equal(Default.Value.Html, await File.ReadAllTextAsync(dir.File("report.html")));
    }

    private static (string, string[]) Render(RunResult run)
    {
        var charts = RunCharts.Build(run);
        try
        {
            return (HtmlReport.Render(run, charts), charts.Select(c => c.Id).ToArray());
        }
        finally
        {
            foreach (var c in charts) c.Dispose();
        }
    }

    [GeneratedRegex("[\\w:-]+\\s*=\\s*[\"']?https?://[^\"'\\s>]*", RegexOptions.IgnoreCase)]
    private static partial Regex AttributeUrl();
}
