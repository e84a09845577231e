using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.Tracing.Metrics;

namespace LoadLab.Runner.Metrics;

/// <summary>The metrics outputs of a run, resolved: the EMF file (and its copy on standard output) and the live OTLP export.</summary>
/// <param name="Outputs">The outputs in force: emf, emf-stdout, otlp (empty: none).</param>
/// <param name="Otlp">Where and how often the OTLP export goes; null when it is off.</param>
internal sealed record ResolvedMetrics(IReadOnlySet<string> Outputs, OtlpMetricsOptions? Otlp)
{
    public static ResolvedMetrics None { get; } = new(new HashSet<string>(StringComparer.Ordinal), null);

    public bool Emf => Outputs.Contains(MetricsSettings.EmfFile);

    public bool EmfStdout => Outputs.Contains(MetricsSettings.EmfStdout);
}

/// <summary>
/// The one rule for which metrics outputs a run has: <c>--metrics</c> when given (off: none, whatever the suite says),
/// else the suite's <c>metrics:</c> section; the OTLP interval from --metrics-interval, the suite's otlpInterval,
/// OTEL_METRIC_EXPORT_INTERVAL or 5 s; the OTLP destination from the standard environment variables.
/// </summary>
internal static class MetricsSettings
{
    public const string EmfFile = "emf";
    public const string EmfStdout = "emf-stdout";
    public const string Otlp = "otlp";
    public const string Off = "off";

    /// <summary>What --metrics takes, in the order messages list them.</summary>
    public static IReadOnlyList<string> OptionValues { get; } = [EmfFile, EmfStdout, Otlp, Off];

    /// <summary>The outputs in force: the option's when given, else the suite's.</summary>
    public static IReadOnlySet<string> Outputs(IReadOnlySet<string>? option, MetricsPlan? suite)
    {
        if (option is not null)
            return option;
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        if (suite is null)
            return outputs;
        if (suite.Emf is "file" or "stdout")
            outputs.Add(EmfFile);
        if (suite.Emf == "stdout")
            outputs.Add(EmfStdout);
        if (suite.Otlp == "on")
            outputs.Add(Otlp);
        return outputs;
    }

    /// <exception cref="InvalidInputException">--metrics-interval without the OTLP export, or OTEL_METRIC_EXPORT_INTERVAL unusable.</exception>
    public static ResolvedMetrics Resolve(IReadOnlySet<string>? option, TimeSpan? optionInterval, MetricsPlan? suite, Func<string, string?> environment)
    {
        var outputs = Outputs(option, suite);
        if (!outputs.Contains(Otlp))
        {
            // An interval that would silently do nothing is a mistake worth stopping for.
            if (optionInterval is not null)
                throw new InvalidInputException("--metrics-interval needs the OTLP export on: add --metrics otlp (or emf,otlp), or metrics: { otlp: on } to the suite");
            return new ResolvedMetrics(outputs, null);
        }

        try
        {
            return new ResolvedMetrics(outputs, OtlpMetricsOptions.FromEnvironment(optionInterval ?? suite?.OtlpInterval, environment));
        }
        catch (ArgumentException e)
        {
            throw new InvalidInputException(e.Message);
        }
    }
}
