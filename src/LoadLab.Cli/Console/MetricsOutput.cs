using LoadLab.Core.Results;
using LoadLab.Reports.Metrics;
using LoadLab.Runner.Metrics;
using LoadLab.Runner.Suites;

namespace LoadLab.Cli.Console;

/// <summary>Writes the EMF outputs <c>--metrics</c> asked for, beside a run's results.json (the live OTLP export runs inside the run).</summary>
internal static class MetricsOutput
{
    /// <summary>--metrics when given, else the suite's <c>metrics:</c> section (read before the run, by the run's own rule).</summary>
    public static IReadOnlySet<string> Requested(IReadOnlySet<string>? option, string suitePath, string? environment)
    {
        if (option is not null)
            return option;
        var plan = SuiteLoader.Load(suitePath, new SuiteLoadOptions { RunId = "metrics", EnvironmentOverride = environment });
        return MetricsSettings.Outputs(null, plan.Metrics);
    }

    public static async Task WriteAsync(IReadOnlySet<string> requested, RunResult result, string resultsPath, CancellationToken cancellationToken)
    {
        if (!requested.Contains(MetricsSettings.EmfFile))
            return;
        string folder = Path.GetDirectoryName(Path.GetFullPath(resultsPath)) ?? ".";
        await EmfWriter.WriteAsync(result, folder, cancellationToken).ConfigureAwait(false);
        // Raw standard output, not the console renderer: a log agent reads these lines as JSON, markup would break them.
        if (requested.Contains(MetricsSettings.EmfStdout))
            await EmfWriter.WriteAsync(result, System.Console.Out, cancellationToken).ConfigureAwait(false);
    }
}
