using System.Text.Json;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>One DynamoDB API request being handled: its parsed body and the ways to reach the emulator.</summary>
internal sealed class OperationContext(ProxyExchange exchange, ProxyServices services, DynamoOperation operation, string operationName, ReadOnlyMemory<byte> body, JsonElement root)
{
    public ProxyExchange Exchange { get; } = exchange;

    public ProxyServices Services { get; } = services;

    public DynamoOperation Operation { get; } = operation;

    public string OperationName { get; } = operationName;

    public ReadOnlyMemory<byte> Body { get; } = body;

    public JsonElement Root { get; } = root;

    public CancellationToken Stopping => Services.Stopping.Token;

    /// <summary>True once the request went to the emulator: from then on it must never be sent again.</summary>
    public bool Forwarded { get; private set; }

    /// <summary>Forwards the client's request (or an edited body) with the client's headers.</summary>
    public Task<UpstreamResponse> ForwardAsync(ReadOnlyMemory<byte>? editedBody = null)
    {
        Forwarded = true;
        return Services.Upstream.ForwardAsync(Exchange.Headers, Exchange.QueryString, editedBody ?? Body, Stopping);
    }

    /// <summary>A cost-free call the proxy makes for itself (never admitted, never charged).</summary>
    public Task<UpstreamResponse> SideCallAsync(string operation, ReadOnlyMemory<byte> body) =>
        Services.Upstream.SideCallAsync(operation, body, Exchange.Headers, Stopping);
}
