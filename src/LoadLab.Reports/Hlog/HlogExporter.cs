using System.Text;
using LoadLab.Core.Results;
using LoadLab.Reports.Exporters;

namespace LoadLab.Reports.Hlog;

/// <summary>Writes latency.hlog (HdrHistogram interval log) for re-analysis with HdrHistogram tools.</summary>
public sealed class HlogExporter : IReportExporter
{
    public const string FileName = "latency.hlog";

    public string Name => FileName;

    public Task<IReadOnlyList<string>> ExportAsync(RunResult result, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        cancellationToken.ThrowIfCancellationRequested();
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        // UTF-8 without BOM: HdrHistogram's Java and JavaScript readers expect plain text
        // (HdrHistogram.NET's own HistogramLogWriter emits UTF-16, which they cannot read, so it is not used).
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            HlogWriter.Write(result, writer);
        return Task.FromResult<IReadOnlyList<string>>([path]);
    }
}
