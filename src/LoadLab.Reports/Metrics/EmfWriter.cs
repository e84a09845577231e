using System.Text;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Metrics;

/// <summary>
/// Writes <see cref="FileName"/> into a run folder: the run's per-second figures as CloudWatch EMF, one JSON document per
/// line, for the CloudWatch agent (or a Lambda's log) to turn into metrics. Written after the run from its results, so
/// the file is the same whether it comes from a run or from results.json.
/// </summary>
public static class EmfWriter
{
    public const string FileName = "metrics.emf.jsonl";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the file (through a temporary file, so a reader never sees half of it); returns its path.</summary>
    public static async Task<string> WriteAsync(RunResult result, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        string temporary = path + ".tmp";
        await using (var writer = new StreamWriter(temporary, append: false, Utf8NoBom))
        {
            foreach (var document in EmfDocuments.For(result))
            {
                cancellationToken.ThrowIfCancellationRequested();
                // One document per line, with \n: the agent's log reader takes each line as one log event.
                await writer.WriteAsync(document.ToJsonString() + "\n").ConfigureAwait(false);
            }
        }

        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>The same documents on <paramref name="output"/>, for containers whose stdout the CloudWatch agent or Lambda ingests.</summary>
    public static async Task WriteAsync(RunResult result, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var document in EmfDocuments.For(result))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await output.WriteAsync(document.ToJsonString() + "\n").ConfigureAwait(false);
        }
    }
}
