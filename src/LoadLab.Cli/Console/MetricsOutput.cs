using LoadLab.Core.Results;
using LoadLab.Reports.Metrics;

namespace LoadLab.Cli.Console;

/// <summary>Writes the metrics outputs <c>--metrics</c> asked for, beside a run's results.json.</summary>
internal static class MetricsOutput
{
    public static async Task WriteAsync(IReadOnlySet<string> requested, RunResult result, string resultsPath, CancellationToken cancellationToken)
    {
        if (requested.Count == 0)
            return;
        string folder = Path.GetDirectoryName(Path.GetFullPath(resultsPath)) ?? ".";
        await EmfWriter.WriteAsync(result, folder, cancellationToken).ConfigureAwait(false);
        // Raw standard output, not the console renderer: a log agent reads these lines as JSON, markup would break them.
        if (requested.Contains("emf-stdout"))
            await EmfWriter.WriteAsync(result, System.Console.Out, cancellationToken).ConfigureAwait(false);
    }
}
