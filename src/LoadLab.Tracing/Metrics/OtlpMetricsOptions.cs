using System.Globalization;
using LoadLab.Core.Plans;

namespace LoadLab.Tracing.Metrics;

/// <summary>
/// Where and how often the live metrics go (<c>--metrics otlp</c>). The destination comes from the standard
/// OpenTelemetry environment variables, as for OTLP traces: OTEL_EXPORTER_OTLP_METRICS_ENDPOINT (used as given), else
/// OTEL_EXPORTER_OTLP_ENDPOINT (with <c>/v1/metrics</c> added for HTTP), else <see cref="TracingOptions.DefaultOtlpEndpoint"/>.
/// </summary>
public sealed record OtlpMetricsOptions
{
    public const string MetricsEndpointVariable = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
    public const string MetricsProtocolVariable = "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL";

    /// <summary>The specification's export interval variable, in milliseconds; below the suite and --metrics-interval.</summary>
    public const string ExportIntervalVariable = "OTEL_METRIC_EXPORT_INTERVAL";

    /// <summary>The OTLP endpoint: a base endpoint unless <see cref="SignalEndpoint"/>.</summary>
    public string Endpoint { get; init; } = TracingOptions.DefaultOtlpEndpoint;

    /// <summary>True when <see cref="Endpoint"/> is the metrics URL itself (OTEL_EXPORTER_OTLP_METRICS_ENDPOINT): no path is added.</summary>
    public bool SignalEndpoint { get; init; }

    /// <summary><c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
    public string Protocol { get; init; } = "http/protobuf";

    public TimeSpan Interval { get; init; } = MetricsPlan.DefaultOtlpInterval;

    /// <summary>The resource's service.name.</summary>
    public string ServiceName { get; init; } = "loadlab";

    /// <summary>How long one export (and the final flush) may take before it counts as failed.</summary>
    public TimeSpan ExportTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The destination from the standard variables (the metrics-specific ones first), and the interval from
    /// OTEL_METRIC_EXPORT_INTERVAL unless <paramref name="interval"/> (command line, then suite) is given.
    /// </summary>
    /// <exception cref="ArgumentException">OTEL_METRIC_EXPORT_INTERVAL is not a usable number of milliseconds.</exception>
    public static OtlpMetricsOptions FromEnvironment(TimeSpan? interval, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var options = new OtlpMetricsOptions();
        if (NonEmpty(variable(MetricsEndpointVariable)) is { } own)
            options = options with { Endpoint = own, SignalEndpoint = true };
        else if (NonEmpty(variable(TracingOptions.OtlpEndpointVariable)) is { } shared)
            options = options with { Endpoint = shared };
        if ((NonEmpty(variable(MetricsProtocolVariable)) ?? NonEmpty(variable(TracingOptions.OtlpProtocolVariable))) is { } protocol)
            options = options with { Protocol = protocol };
        if (interval is { } given)
            return options with { Interval = given };
        if (NonEmpty(variable(ExportIntervalVariable)) is { } text)
        {
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms) || ms < 0
                || MetricsPlan.CheckOtlpInterval(TimeSpan.FromMilliseconds(ms)) is not null)
            {
                throw new ArgumentException($"{ExportIntervalVariable} '{text}' must be a whole number of milliseconds from 1000 to 3600000, e.g. 5000; or set --metrics-interval");
            }

            options = options with { Interval = TimeSpan.FromMilliseconds(ms) };
        }

        return options;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>What the exported metrics are attributed to: the EMF dimensions' values, and the run for the resource.</summary>
public sealed record MetricsRunInfo(string Suite, string Environment, string RunId, string? Variant = null);
