using LoadLab.Core.Results;

namespace LoadLab.Reports.Exporters;

/// <summary>Writes one output of a run (results.json, summary.md, report.html, …) from the immutable RunResult alone.</summary>
public interface IReportExporter
{
    /// <summary>Short name used in messages, e.g. "summary.md".</summary>
    string Name { get; }

    /// <summary>Writes into <paramref name="directory"/>; returns the paths written.</summary>
    Task<IReadOnlyList<string>> ExportAsync(RunResult result, string directory, CancellationToken cancellationToken);
}
