using System.Net.Sockets;
using OpenTelemetry.Exporter;

namespace LoadLab.Tracing.Exporters;

/// <summary>An OTLP destination as the OpenTelemetry specification reads its environment variables: one rule for traces and metrics.</summary>
internal static class OtlpEndpoint
{
    /// <summary>
    /// The signal's URL and protocol. For HTTP a base endpoint (OTEL_EXPORTER_OTLP_ENDPOINT) gets the signal's path
    /// (<c>/v1/traces</c>, <c>/v1/metrics</c>), as the specification says; a signal's own endpoint
    /// (OTEL_EXPORTER_OTLP_METRICS_ENDPOINT) is used as given (<paramref name="signalPath"/> null).
    /// </summary>
    /// <exception cref="TracingDestinationException">The endpoint is not an http(s) URL or the protocol is unknown.</exception>
    public static (Uri Endpoint, OtlpExportProtocol Protocol) Parse(string endpoint, string protocol, string? signalPath)
    {
        var otlpProtocol = protocol.Trim().ToLowerInvariant() switch
        {
            "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            _ => throw new TracingDestinationException($"OTLP protocol '{protocol}' is not supported; use http/protobuf or grpc"),
        };
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            throw new TracingDestinationException($"OTLP endpoint '{endpoint}' is not an http(s) URL, e.g. http://127.0.0.1:4318");
        if (signalPath is not null && otlpProtocol == OtlpExportProtocol.HttpProtobuf && !uri.AbsolutePath.EndsWith(signalPath, StringComparison.Ordinal))
            uri = new Uri(uri, uri.AbsolutePath.TrimEnd('/') + signalPath);
        return (uri, otlpProtocol);
    }

    /// <summary>Whether a TCP connection to the endpoint opens within <paramref name="timeout"/>; the message says why not.</summary>
    public static async Task<string?> ProbeAsync(Uri endpoint, TimeSpan timeout)
    {
        using var client = new TcpClient();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, cancel.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException)
        {
            return $"no answer within {timeout.TotalSeconds:0.#} s";
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode.ToString();
        }
    }

    /// <summary>The protocol's name as OTEL_EXPORTER_OTLP_PROTOCOL spells it.</summary>
    public static string Name(OtlpExportProtocol protocol) => protocol == OtlpExportProtocol.Grpc ? "grpc" : "http/protobuf";
}
