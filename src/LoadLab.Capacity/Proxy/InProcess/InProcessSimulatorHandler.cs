using System.Net;
using System.Text;
using LoadLab.Capacity.Proxy.Hosting;

namespace LoadLab.Capacity.Proxy.InProcess;

/// <summary>
/// The capacity simulator as an <see cref="HttpMessageHandler"/> for an SDK client in the same process: the
/// request goes straight to the dispatcher that serves the loopback port — the same pricing, admission,
/// throttling errors, ConsumedCapacity and checksums — and only the admitted ones cross a socket, to the
/// emulator. It saves the client-to-proxy hop (two sockets, HTTP framing both ways and a thread-pool
/// hand-off), which on a small machine cost more CPU than the simulator itself (bench/README.md).
/// </summary>
internal sealed class InProcessSimulatorHandler(ProxyDispatcher dispatcher, Uri loopbackEndpoint) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri?.AbsolutePath.StartsWith(AdminEndpoints.Root, StringComparison.Ordinal) == true)
        {
            // Admin calls are not the SDK's business; they are served on the loopback port only.
            return new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                RequestMessage = request,
                Content = new StringContent($"LoadLab's admin endpoints are served at {loopbackEndpoint}, not in process.", Encoding.UTF8, "text/plain"),
            };
        }

        var exchange = new InProcessExchange(request, cancellationToken);
        await dispatcher.HandleApiAsync(exchange);
        if (exchange.Failure is { } failure)
            throw failure;
        return exchange.Response ?? throw new InvalidOperationException("The capacity simulator finished a request without an answer.");
    }
}
