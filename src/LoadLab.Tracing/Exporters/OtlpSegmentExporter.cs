using System.Diagnostics;
using LoadLab.Tracing.Segments;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LoadLab.Tracing.Exporters;

/// <summary>
/// Sends segments as OTLP spans (to a collector, the CloudWatch agent or the X-Ray OTLP endpoint) with the
/// OpenTelemetry exporter, one export call per batch, so every span is known to be sent or failed.
/// </summary>
internal sealed class OtlpSegmentExporter : ISegmentExporter
{
    private readonly OtlpTraceExporter exporter;
    private readonly TracerProvider provider;
    private readonly SegmentActivityMapper mapper = new();
    private readonly List<Activity> activities = new(256);

    private OtlpSegmentExporter(Uri endpoint, OtlpExportProtocol protocol, string serviceName)
    {
        Endpoint = endpoint;
        exporter = new OtlpTraceExporter(new OtlpExporterOptions { Endpoint = endpoint, Protocol = protocol, TimeoutMilliseconds = 5000 });
        // The provider only gives the exporter its resource (service.name); it has no sources, so it records nothing itself.
        provider = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService(serviceName, serviceVersion: typeof(OtlpSegmentExporter).Assembly.GetName().Version?.ToString(3)))
            .AddProcessor(new SimpleActivityExportProcessor(exporter))
            .Build()!;
    }

    public Uri Endpoint { get; }

    public string Destination => Endpoint.ToString();

    /// <exception cref="TracingDestinationException">The endpoint is not an http(s) URL or the protocol is unknown.</exception>
    public static OtlpSegmentExporter Open(string endpoint, string protocol, string serviceName)
    {
        var (uri, otlpProtocol) = Parse(endpoint, protocol);
        return new OtlpSegmentExporter(uri, otlpProtocol, serviceName);
    }

    /// <summary>The traces URL and protocol: the base endpoint gets <c>/v1/traces</c> for HTTP (<see cref="OtlpEndpoint.Parse"/>).</summary>
    internal static (Uri Endpoint, OtlpExportProtocol Protocol) Parse(string endpoint, string protocol) =>
        OtlpEndpoint.Parse(endpoint, protocol, "/v1/traces");

    /// <summary>Whether a TCP connection to the endpoint opens within <paramref name="timeout"/>; the message says why not.</summary>
    public Task<string?> ProbeAsync(TimeSpan timeout) => OtlpEndpoint.ProbeAsync(Endpoint, timeout);

    public void Export(IReadOnlyList<SegmentNode> batch, ExportCounters counters)
    {
        activities.Clear();
        foreach (var segment in batch)
            mapper.Map(segment, activities);
        if (activities.Count == 0)
            return;
        var result = exporter.Export(new Batch<Activity>(activities.ToArray(), activities.Count));
        if (result == ExportResult.Success)
            counters.OnSent(batch.Count, activities.Count);
        else
            counters.OnSendFailed($"OTLP export to {Destination} failed ({batch.Count} segments)");
    }

    public void Dispose()
    {
        provider.Dispose();
        mapper.Dispose();
    }
}
