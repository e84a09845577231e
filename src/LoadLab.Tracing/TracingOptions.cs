using System.Globalization;

namespace LoadLab.Tracing;

/// <summary>
/// How a run is traced. The defaults suit thousands of operations per second: one trace per second plus 1 % of the
/// rest, and every throttled, failed or slow operation up to 20 per second (docs/tracing.md §5).
/// </summary>
public sealed record TracingOptions
{
    public const string DaemonAddressVariable = "AWS_XRAY_DAEMON_ADDRESS";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string DefaultDaemonAddress = "127.0.0.1:2000";

    /// <summary>The CloudWatch agent's and the collector's default OTLP/HTTP port.</summary>
    public const string DefaultOtlpEndpoint = "http://127.0.0.1:4318";

    public const int MaxPerSecond = 1_000_000;

    public TraceMode Mode { get; init; } = TraceMode.Off;

    /// <summary>Operations traced first in each second, whatever happens to them (X-Ray's "reservoir").</summary>
    public int ReservoirPerSecond { get; init; } = 1;

    /// <summary>Share of the remaining operations traced (X-Ray's "fixed rate"), 0–1.</summary>
    public double Rate { get; init; } = 0.01;

    /// <summary>
    /// Operations at least this slow (send to outcome) are traced even when not sampled. DynamoDB answers single-item
    /// calls in single-digit milliseconds and its p99 stays well below 100 ms, so 100 ms catches real outliers (retry
    /// back-offs, stalls, cold connections) without filling the cap with ordinary tail latency.
    /// </summary>
    public TimeSpan SlowThreshold { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Cap per second on throttled, failed and slow operations traced beyond the sample, so a throttling storm cannot flood X-Ray.</summary>
    public int AlwaysKeepPerSecond { get; init; } = 20;

    /// <summary><c>host:port</c> or <c>tcp:host:port udp:host:port</c>, as the X-Ray SDKs read AWS_XRAY_DAEMON_ADDRESS.</summary>
    public string DaemonAddress { get; init; } = DefaultDaemonAddress;

    /// <summary>Base OTLP endpoint; for HTTP the signal path <c>/v1/traces</c> is added as the OTel specification says.</summary>
    public string OtlpEndpoint { get; init; } = DefaultOtlpEndpoint;

    /// <summary><c>http/protobuf</c> (default) or <c>grpc</c>.</summary>
    public string OtlpProtocol { get; init; } = "http/protobuf";

    /// <summary>Region used for console links of exemplars.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Segment name: the "service" on the X-Ray trace map.</summary>
    public string ServiceName { get; init; } = "loadlab";

    /// <summary>Segments waiting to be sent at most; beyond it segments are dropped and counted, never waited for.</summary>
    public int QueueCapacity { get; init; } = 8192;

    /// <summary>How long the end of a run waits for queued segments to be sent.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Takes the daemon address and OTLP endpoint from the standard environment variables when they are set.</summary>
    public TracingOptions WithEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return this with
        {
            DaemonAddress = NonEmpty(variable(DaemonAddressVariable)) ?? DaemonAddress,
            OtlpEndpoint = NonEmpty(variable(OtlpEndpointVariable)) ?? OtlpEndpoint,
            OtlpProtocol = NonEmpty(variable(OtlpProtocolVariable)) ?? OtlpProtocol,
        };
    }

    /// <summary>
    /// Errors in the sampling settings, each saying what is allowed. The destination is not checked here: a bad or
    /// unreachable one only warns, and the run goes on counting dropped segments.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!double.IsFinite(Rate) || Rate < 0 || Rate > 1)
            errors.Add(Invariant($"trace rate {Rate} must be from 0 to 1, e.g. 0.01 for 1 %"));
        if (ReservoirPerSecond < 0 || ReservoirPerSecond > MaxPerSecond)
            errors.Add(Invariant($"trace reservoir {ReservoirPerSecond} must be from 0 to {MaxPerSecond} per second"));
        if (AlwaysKeepPerSecond < 0 || AlwaysKeepPerSecond > MaxPerSecond)
            errors.Add(Invariant($"trace always-keep cap {AlwaysKeepPerSecond} must be from 0 to {MaxPerSecond} per second"));
        if (SlowThreshold <= TimeSpan.Zero || SlowThreshold > TimeSpan.FromHours(1))
            errors.Add(Invariant($"trace slow threshold {SlowThreshold.TotalMilliseconds} ms must be above 0 and at most 3,600,000 ms"));
        if (QueueCapacity < 1)
            errors.Add(Invariant($"trace queue capacity {QueueCapacity} must be at least 1"));
        if (string.IsNullOrWhiteSpace(ServiceName))
            errors.Add("trace service name must not be empty");
        return errors;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What every segment of a run is annotated with.</summary>
/// <param name="RunId">The run's id.</param>
/// <param name="Suite">The suite's name.</param>
/// <param name="Variant">The variant being run, when the suite has variants.</param>
public sealed record TraceRunInfo(string RunId, string Suite, string? Variant = null);
