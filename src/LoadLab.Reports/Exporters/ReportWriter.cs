using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Hlog;
using LoadLab.Reports.Html;
using LoadLab.Reports.JUnit;
using LoadLab.Reports.Json;
using LoadLab.Reports.Markdown;

namespace LoadLab.Reports.Exporters;

/// <summary>
/// Writes every output of a run. results.json goes first: if a later exporter fails, the data is
/// already safe and `loadlab report` can rebuild the rest. The small outputs CI gates on
/// (summary.md, junit.xml) come next, the heavy rendering last, and one failing exporter does not
/// stop the others.
/// </summary>
public static class ReportWriter
{
    /// <summary>The exporters run after results.json, in order.</summary>
    public static IReadOnlyList<IReportExporter> Exporters { get; } = CreateExporters(Environment.GetEnvironmentVariable);

    /// <param name="environment">Environment lookup for exporters that read it (the GitHub job summary); tests pass their own.</param>
    public static IReadOnlyList<IReportExporter> CreateExporters(Func<string, string?> environment) =>
    [
        new SummaryMarkdownExporter(environment),
        new JUnitExporter(),
        new HlogExporter(),
        new ChartsExporter(),
        new HtmlReportExporter(),
    ];

    public static Task<IReadOnlyList<string>> WriteAllAsync(RunResult result, string directory, CancellationToken cancellationToken = default) =>
        WriteAllAsync(result, directory, Exporters, cancellationToken);

    /// <exception cref="ReportExportException">One or more exporters failed; the others still wrote their files.</exception>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(
        RunResult result, string directory, IReadOnlyList<IReportExporter> exporters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(exporters);
        var written = new List<string> { await ResultsJson.WriteAsync(result, directory, cancellationToken).ConfigureAwait(false) };
        var failures = new List<(string Name, Exception Error)>();
        foreach (var exporter in exporters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                written.AddRange(await exporter.ExportAsync(result, directory, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add((exporter.Name, e));
            }
        }

        if (failures.Count > 0)
            throw new ReportExportException(written, failures);
        return written;
    }
}

/// <summary>Some reports could not be written; <see cref="Written"/> lists the files that were.</summary>
public sealed class ReportExportException : AggregateException
{
    internal ReportExportException(IReadOnlyList<string> written, IReadOnlyList<(string Name, Exception Error)> failures)
        : base(
            "Could not write " + string.Join(", ", failures.Select(f => $"{f.Name} ({f.Error.Message})")) +
            ". results.json and the other reports were written; `loadlab report` can rebuild the rest from results.json.",
            failures.Select(f => f.Error))
    {
        Written = written;
    }

    public IReadOnlyList<string> Written { get; }
}
