using LoadLab.Core.Results;
using LoadLab.Reports.Json;

namespace LoadLab.Reports.Exporters;

/// <summary>
/// Writes every output of a run. results.json goes first: if a later exporter fails, the data is
/// already safe and `loadlab report` can rebuild the rest.
/// </summary>
public static class ReportWriter
{
    /// <summary>The exporters run after results.json, in order.</summary>
    public static IReadOnlyList<IReportExporter> Exporters { get; } = [];

    public static async Task<IReadOnlyList<string>> WriteAllAsync(RunResult result, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var written = new List<string> { await ResultsJson.WriteAsync(result, directory, cancellationToken).ConfigureAwait(false) };
        foreach (var exporter in Exporters)
            written.AddRange(await exporter.ExportAsync(result, directory, cancellationToken).ConfigureAwait(false));
        return written;
    }
}
