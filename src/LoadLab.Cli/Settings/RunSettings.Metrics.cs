using System.ComponentModel;
using LoadLab.Core.Plans;
using LoadLab.Core.Text;
using LoadLab.Runner.Metrics;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary>The metrics outputs of <c>loadlab run</c> (<c>--metrics emf,otlp</c>, <c>--metrics-interval</c>).</summary>
internal sealed partial class RunSettings
{
    /// <summary>emf: metrics.emf.jsonl in the run folder; emf-stdout: that file and the same lines on standard output; otlp: the live OTLP export; off: none, whatever the suite says.</summary>
    public static IReadOnlyList<string> MetricsOutputs => MetricsSettings.OptionValues;

    [CommandOption("--metrics <LIST>")]
    [Description("metrics outputs, comma-separated: emf (metrics.emf.jsonl in the run folder, one CloudWatch Embedded Metric Format document per second per scenario and operation), emf-stdout (the file, and the same lines on standard output for a container's log agent), otlp (the same metrics exported live over OTLP to OTEL_EXPORTER_OTLP_METRICS_ENDPOINT or OTEL_EXPORTER_OTLP_ENDPOINT, default http://127.0.0.1:4318); off ignores the suite's metrics section")]
    public string? Metrics { get; init; }

    [CommandOption("--metrics-interval <DURATION>")]
    [Description("how often --metrics otlp exports, from 1s to 1h (default 5s, or the suite's metrics.otlpInterval, or OTEL_METRIC_EXPORT_INTERVAL)")]
    public string? MetricsInterval { get; init; }

    /// <summary>--metrics once checked: the outputs asked for (empty for off); null when the option is absent, leaving it to the suite.</summary>
    public IReadOnlySet<string>? MetricsRequested { get; private set; }

    /// <summary>--metrics-interval once checked; null when absent.</summary>
    public TimeSpan? MetricsIntervalRequested { get; private set; }

    private void CheckMetrics(List<string> errors)
    {
        if (MetricsInterval is { } text)
        {
            if (!DurationText.TryParse(text, out var interval))
                errors.Add($"--metrics-interval '{text}' is not {DurationText.Expected}; use from 1s to 1h, e.g. 5s");
            else if (MetricsPlan.CheckOtlpInterval(interval) is { } problem)
                errors.Add($"--metrics-interval '{text}' {problem}");
            else
                MetricsIntervalRequested = interval;
        }

        if (Metrics is null)
            return;
        var requested = new HashSet<string>(StringComparer.Ordinal);
        foreach (string part in Metrics.Split(',', StringSplitOptions.TrimEntries))
        {
            if (MetricsOutputs.Contains(part))
                requested.Add(part);
            else
                errors.Add($"--metrics '{part}' is not a metrics output; use {string.Join(", ", MetricsOutputs.SkipLast(1))} or {MetricsOutputs[^1]}, or several separated by commas (emf,otlp)." + NameSuggestions.DidYouMean(part, MetricsOutputs));
        }

        if (requested.Contains(MetricsSettings.Off) && requested.Count > 1)
            errors.Add("--metrics off cannot be combined with an output; name the outputs, or off alone");
        // emf-stdout writes the file too: it is the file's copy on standard output.
        if (requested.Contains(MetricsSettings.EmfStdout))
            requested.Add(MetricsSettings.EmfFile);
        // --metrics-interval without otlp is refused by MetricsSettings.Resolve, which also sees the suite's section.
        requested.Remove(MetricsSettings.Off);
        MetricsRequested = requested;
    }
}
