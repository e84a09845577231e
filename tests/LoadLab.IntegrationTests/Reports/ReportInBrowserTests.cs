using System.Text.RegularExpressions;
using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Html;
using LoadLab.Reports.Samples;

namespace LoadLab.IntegrationTests.Reports;

/// <summary>report.html loads in a real browser with every chart, and nothing from the network.</summary>
public sealed class ReportInBrowserTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string directory = Directory.CreateTempSubdirectory("loadlab-html-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [ChromiumFact]
    public async Task The_page_loads_with_every_chart_as_svg()
    {
        var run = SampleRun.Create();
        string page = await WriteReportAsync(run);
        int charts = CountCharts(run);

        using var timeout = new CancellationTokenSource(Timeout);
        var result = await Chromium.RunAsync(["--dump-dom", new Uri(page).AbsoluteUri], timeout.Token);

        Assert.True(result.ExitCode == 0, $"chromium exited with {result.ExitCode}: {result.StandardError}");
        string dom = result.StandardOutput;
        Assert.Contains("<h1>LoadLab report: orders-release-check</h1>", dom, StringComparison.Ordinal);
        // The DOM the browser built (not the file) holds one svg element per chart, each inside its figure.
        Assert.Equal(charts, Regex.Matches(dom, "<svg[ >]").Count);
        Assert.Equal(charts, Regex.Matches(dom, "<figure id=\"chart-[^\"]+\">\\s*<svg").Count);
        Assert.Contains("<section id=\"findings\">", dom, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public async Task A_screenshot_of_the_page_renders()
    {
        string page = await WriteReportAsync(SampleRun.Create());
        string screenshot = Path.Combine(directory, "report.png");

        using var timeout = new CancellationTokenSource(Timeout);
        var result = await Chromium.RunAsync(["--screenshot=" + screenshot, "--window-size=1400,3000", "--hide-scrollbars", new Uri(page).AbsoluteUri], timeout.Token);

        Assert.True(result.ExitCode == 0, $"chromium exited with {result.ExitCode}: {result.StandardError}");
        var bytes = await File.ReadAllBytesAsync(screenshot);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
        // 1400×3000 of tables and charts; a blank or error page compresses to a few KB.
        Assert.True(bytes.Length > 100_000, $"screenshot is only {bytes.Length} bytes");
    }

    [ChromiumFact]
    public async Task A_hostile_scenario_name_stays_text_in_the_browser()
    {
        var options = new SampleRunOptions { Intervals = 20 };
        var scenarios = options.Scenarios.ToArray();
        scenarios[0] = scenarios[0] with { Name = "<script>document.title='pwned'</script><img src=x>" };
        string page = await WriteReportAsync(SampleRun.Create(options with { Scenarios = scenarios }));

        using var timeout = new CancellationTokenSource(Timeout);
        var result = await Chromium.RunAsync(["--dump-dom", new Uri(page).AbsoluteUri], timeout.Token);

        string dom = result.StandardOutput;
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<title>pwned</title>", dom, StringComparison.Ordinal);
        Assert.Contains("Scenario &lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img src=x&gt;", dom, StringComparison.Ordinal);
    }

    private async Task<string> WriteReportAsync(RunResult run)
    {
        var written = await new HtmlReportExporter().ExportAsync(run, directory, CancellationToken.None);
        return Assert.Single(written);
    }

    private static int CountCharts(RunResult run)
    {
        var charts = RunCharts.Build(run);
        foreach (var c in charts) c.Dispose();
        return charts.Count;
    }
}
