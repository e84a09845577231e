using System.Text.Json;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>One DynamoDB API request being handled: its parsed body and the ways to reach the emulator.</summary>
internal sealed class OperationContext(ProxyExchange exchange, ProxyServices services, DynamoOperation operation, string operationName, ReadOnlyMemory<byte> body, JsonElement root)
{
    // Set on a context made by Translated: the operation whose X-Amz-Target the emulator gets, and where settled charges go.
    private bool translated;
    private Charges.ChargeSheet? recorder;

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
        return Services.Upstream.ForwardAsync(Exchange.Headers, Exchange.QueryString, editedBody ?? Body, Stopping, translated ? OperationName : null);
    }

    /// <summary>
    /// The same client request as another operation of the API (a PartiQL statement as GetItem, PutItem, …): its
    /// handler runs on this context as on a request of its own, forwarding under its own X-Amz-Target, and what it
    /// settles is also added to <paramref name="settled"/> (for the statement's ConsumedCapacity).
    /// </summary>
    public OperationContext Translated(DynamoOperation operation, ReadOnlyMemory<byte> body, JsonElement root, Charges.ChargeSheet? settled = null) =>
        new(Exchange, Services, operation, operation.ToString(), body, root) { translated = true, recorder = settled };

    /// <summary>Called for every settlement of this request's charges (<see cref="Operations.Respond.Settle"/>).</summary>
    public void Record(Charges.ChargeSheet actual) => recorder?.AddAll(actual);

    /// <summary>A cost-free call the proxy makes for itself (never admitted, never charged).</summary>
    public Task<UpstreamResponse> SideCallAsync(string operation, ReadOnlyMemory<byte> body) =>
        Services.Upstream.SideCallAsync(operation, body, Exchange.Headers, Stopping);
}
