using System.Text;
using LoadLab.Core.Results;
using LoadLab.Reports.Exporters;

namespace LoadLab.Reports.Markdown;

/// <summary>
/// Writes summary.md and, in GitHub Actions, appends the same text to the job summary
/// ($GITHUB_STEP_SUMMARY) so the verdict shows on the run page without opening artifacts.
/// </summary>
/// <param name="environment">Looks up environment variables; injected so tests never touch a real job summary.</param>
public sealed class SummaryMarkdownExporter(Func<string, string?> environment) : IReportExporter
{
    public const string FileName = "summary.md";
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    public SummaryMarkdownExporter()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    public string Name => FileName;

    public async Task<IReadOnlyList<string>> ExportAsync(RunResult result, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        string text = SummaryMarkdown.Render(result);
        string path = Path.Combine(directory, FileName);
        await File.WriteAllTextAsync(path, text, Utf8NoBom, cancellationToken).ConfigureAwait(false);
        if (environment(StepSummaryVariable) is { Length: > 0 } stepSummary)
        {
            // Appended, not overwritten: other steps of the job may have written their own summary.
            await File.AppendAllTextAsync(stepSummary, text + "\n", Utf8NoBom, cancellationToken).ConfigureAwait(false);
        }

        return [path];
    }

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
}
