using LoadLab.Core.Results;
using LoadLab.Reports.Exporters;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Reports;

public class ReportWriterTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public async Task Writes_every_report_with_results_json_first()
    {
        using var dir = new TempDirectory();
        var written = await ReportWriter.WriteAllAsync(SyntheticRuns.Run, dir.Path, ReportWriter.CreateExporters(NoEnvironment));

        Assert.Equal("results.json", Path.GetFileName(written[0]));
        foreach (var name in new[] { "results.json", "summary.md", "junit.xml", "latency.hlog", "report.html" })
            Assert.True(File.Exists(dir.File(name)), name + " missing");
        var pngs = Directory.GetFiles(dir.File("charts"), "*.png");
        Assert.NotEmpty(pngs);
        Assert.All(written, p => Assert.True(File.Exists(p), p));
        Assert.Equal(written.Count, written.Distinct().Count());
    }

    [Fact]
    public void The_default_exporters_are_registered_in_gating_order()
    {
        Assert.Equal(
            ["summary.md", "junit.xml", "latency.hlog", "charts/*.png", "report.html"],
            ReportWriter.Exporters.Select(e => e.Name));
    }

    [Fact]
    public async Task A_failing_exporter_does_not_stop_the_others()
    {
        using var dir = new TempDirectory();
        IReportExporter[] exporters = [new Failing(), .. ReportWriter.CreateExporters(NoEnvironment).Take(1)];

        var error = await Assert.ThrowsAsync<ReportExportException>(() => ReportWriter.WriteAllAsync(SyntheticRuns.Run, dir.Path, exporters));

        Assert.Contains("broken.txt", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("results.json")));
        Assert.True(File.Exists(dir.File("summary.md")));
        Assert.Equal(2, error.Written.Count);
    }

    private sealed class Failing : IReportExporter
    {
        public string Name => "broken.txt";

        public Task<IReadOnlyList<string>> ExportAsync(RunResult result, string directory, CancellationToken cancellationToken) =>
            throw new IOException("disk full");
    }
}
