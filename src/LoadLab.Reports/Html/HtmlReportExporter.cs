using System.Text;
using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Exporters;

namespace LoadLab.Reports.Html;

/// <summary>Writes report.html with its charts inlined as SVG.</summary>
public sealed class HtmlReportExporter : IReportExporter
{
    public const string FileName = "report.html";

    public string Name => FileName;

    public async Task<IReadOnlyList<string>> ExportAsync(RunResult result, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var charts = RunCharts.Build(result);
        string html;
        try
        {
            html = HtmlReport.Render(result, charts);
        }
        finally
        {
            foreach (var chart in charts) chart.Dispose();
        }

        string path = Path.Combine(directory, FileName);
        await File.WriteAllTextAsync(path, html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
        return [path];
    }
}
