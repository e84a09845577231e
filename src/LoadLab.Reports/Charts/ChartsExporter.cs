using LoadLab.Core.Results;
using LoadLab.Reports.Exporters;

namespace LoadLab.Reports.Charts;

/// <summary>Writes charts/*.png, one file per chart of <see cref="RunCharts"/>, for slides, tickets and chat.</summary>
public sealed class ChartsExporter : IReportExporter
{
    public const string FolderName = "charts";

    public string Name => FolderName + "/*.png";

    public Task<IReadOnlyList<string>> ExportAsync(RunResult result, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        string folder = Path.Combine(directory, FolderName);
        Directory.CreateDirectory(folder);
        var charts = RunCharts.Build(result);
        try
        {
            var written = new string[charts.Count];
            // Rendering is CPU-bound and charts are independent; two at a time halves the wait on a
            // small CI runner without starving a run's other work.
            Parallel.For(0, charts.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken }, i =>
            {
                string path = Path.Combine(folder, charts[i].Id + ".png");
                charts[i].SavePng(path);
                written[i] = path;
            });
            return Task.FromResult<IReadOnlyList<string>>(written);
        }
        finally
        {
            foreach (var chart in charts) chart.Dispose();
        }
    }
}
