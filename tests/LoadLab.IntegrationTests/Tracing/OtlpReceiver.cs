using System.Collections.Concurrent;
using System.Net;

namespace LoadLab.IntegrationTests.Tracing;

/// <summary>
/// A loopback HTTP listener standing in for an OpenTelemetry collector: it answers every OTLP/HTTP request with 200
/// and keeps each request's path, content type and body, for traces and metrics alike.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;

    public OtlpReceiver()
    {
        Port = TracedRun.FreeTcpPort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = ServeAsync();
    }

    public int Port { get; }

    /// <summary>The base endpoint, as OTEL_EXPORTER_OTLP_ENDPOINT takes it.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Requests { get; } = new();

    /// <summary>Stops listening once every request so far is answered.</summary>
    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving;
        listener.Close();
    }

    private async Task ServeAsync()
    {
        try
        {
            while (true)
            {
                var context = await listener.GetContextAsync();
                using (var body = new MemoryStream())
                {
                    await context.Request.InputStream.CopyToAsync(body);
                    Requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }
    }
}
