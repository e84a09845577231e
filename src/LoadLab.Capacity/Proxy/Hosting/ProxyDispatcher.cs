using System.Text.Json;
using LoadLab.Capacity.Proxy.Metrics;
using LoadLab.Capacity.Proxy.Operations;
using LoadLab.Capacity.Proxy.Validation;
using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>
/// The one request delegate: admin paths, then the DynamoDB API. Protocol errors are left to the emulator
/// (its answers are DynamoDB's); what the emulator could not survive is refused first; a request the proxy
/// cannot price is forwarded uncharged for the emulator to judge; nothing a client sends can crash the
/// proxy or leave the model half-updated (Admit deducts nothing; what Reserve took is released; Settle runs
/// only after the emulator answered).
/// </summary>
internal sealed class ProxyDispatcher(ProxyServices services)
{
    /// <summary>The operation name attempts with an unknown or missing X-Amz-Target are counted under.</summary>
    public const string UnknownOperation = "(unknown)";

    private readonly AdminEndpoints admin = new(services);

    /// <summary>Kestrel's request delegate: LoadLab's admin paths, else the DynamoDB API.</summary>
    public Task HandleAsync(HttpContext http) =>
        http.Request.Path.StartsWithSegments(AdminEndpoints.Root, StringComparison.Ordinal)
            ? admin.HandleAsync(http)
            : HandleApiAsync(new KestrelExchange(http));

    /// <summary>
    /// One DynamoDB API request, from either transport. The proxy handles only what gets past DynamoDB's
    /// protocol checks — a POST of JSON to a known target, authenticated (<see cref="SignatureCheck"/>) — and
    /// relays everything else to the emulator, whose answers to those are DynamoDB's (the 404
    /// <c>&lt;UnknownOperationException/&gt;</c>, the authentication errors, CORS preflights, the health check),
    /// so no error of the proxy's own differs from them. Only the body size is checked first, as DynamoDB does.
    /// </summary>
    public async Task HandleApiAsync(ProxyExchange exchange)
    {
        WireResponse? response = null;
        AttemptTicket? ticket = null;
        bool dropped = false;
        try
        {
            var headers = exchange.Headers;
            bool routed = OperationRouter.TryRoute(headers["X-Amz-Target"].ToString(), out var operation, out string name);
            ticket = services.Statistics.Begin(routed ? name : UnknownOperation, AttemptHeaders.Parse(headers[AttemptHeaders.InvocationIdHeader], headers[AttemptHeaders.RequestHeader]));
            using var body = await exchange.ReadBodyAsync();
            if (body.Error is not null)
            {
                response = body.Error;
                return;
            }

            // Faults to rehearse (Proxy/Faults): injected latency has passed by now; an injected failure answers instead.
            // Only for a known operation; before the protocol checks, as a failing server answers whoever asks.
            var injection = routed ? await services.Faults.InjectAsync(exchange, operation) : default;
            if (injection.Handled)
            {
                response = injection.Response;
                dropped = injection.Dropped;
                return;
            }

            if (!HttpMethods.IsPost(exchange.Method) || !IsJson(headers.ContentType) || !routed || !SignatureCheck.Passes(headers, exchange.QueryString))
            {
                await RelayAsync(exchange, body.Buffer!.Memory);
                return;
            }

            response = await HandleOperationAsync(exchange, operation, name, body.Buffer!);
        }
        catch (UpstreamUnavailableException ex)
        {
            exchange.Abort(ex.AsConnectionFailure());
            dropped = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !exchange.Aborted.IsCancellationRequested)
        {
            response = DynamoErrors.InternalServerError($"The capacity simulator failed on this request: {ex.GetType().Name}: {ex.Message}");
        }
        finally
        {
            if (response is not null)
            {
                Decorate(exchange.Headers, response);
                await exchange.WriteAsync(response);
            }

            if (ticket is { } t)
                services.Statistics.End(t, response?.Outcome ?? (dropped ? AttemptOutcome.Rejected : AttemptOutcome.Served));
            response?.Dispose();
        }
    }

    private async Task<WireResponse?> HandleOperationAsync(ProxyExchange exchange, DynamoOperation operation, string name, PooledBuffer body)
    {
        if (body.Span.IsEmpty)
        {
            // The emulator answers an empty body with DynamoDB's SerializationException.
            await RelayAsync(exchange, body.Memory);
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.Memory);
        }
        catch (JsonException)
        {
            return DynamoErrors.Serialization();
        }

        using (document)
        {
            // A JSON value that is no object (null, a list) is answered here: the emulator would throw on it.
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return DynamoErrors.Serialization();
            // Before anything reaches the emulator.
            if (RequestGuard.Problem(document.RootElement) is { } problem)
                return DynamoErrors.Validation(problem);
            if (operation == DynamoOperation.PassThrough)
            {
                await RelayAsync(exchange, body.Memory);
                return null;
            }

            var context = new OperationContext(exchange, services, operation, name, body.Memory, document.RootElement);
            try
            {
                return await RouteAsync(context);
            }
            catch (Exception ex) when (IsUnpriceable(ex) && !context.Forwarded)
            {
                // The proxy cannot price it; the emulator answers with DynamoDB's exact validation message.
                return WireResponse.Unchanged(await context.ForwardAsync());
            }
        }
    }

    /// <summary>
    /// What DynamoDB (and the emulator) put on every answer: the Content-Type the client sent
    /// (<c>application/x-amz-json-1.0</c>, else <c>application/json</c>) and, for a browser, CORS.
    /// </summary>
    private static void Decorate(IHeaderDictionary request, WireResponse response)
    {
        if (response.ContentType is not null)
            response.ContentType = MediaType(request.ContentType).SequenceEqual(WireResponse.AmzJson) ? WireResponse.AmzJson : "application/json";
        if (!string.IsNullOrEmpty(request.Origin.ToString()))
            response.AddHeader("Access-Control-Allow-Origin", "*");
    }

    /// <summary>
    /// The request (not the proxy) is malformed: a member missing or of an unexpected JSON kind
    /// (JsonElement throws InvalidOperationException or KeyNotFoundException for those).
    /// </summary>
    internal static bool IsUnpriceable(Exception ex) =>
        ex is RequestShapeException or InvalidOperationException or KeyNotFoundException or FormatException;

    internal static Task<WireResponse> RouteAsync(OperationContext context) => context.Operation switch
    {
        DynamoOperation.GetItem => GetItemHandler.HandleAsync(context),
        DynamoOperation.PutItem => PutItemHandler.HandleAsync(context),
        DynamoOperation.UpdateItem => UpdateItemHandler.HandleAsync(context),
        DynamoOperation.DeleteItem => DeleteItemHandler.HandleAsync(context),
        DynamoOperation.Query or DynamoOperation.Scan => QueryScanHandler.HandleAsync(context),
        DynamoOperation.BatchGetItem => BatchGetHandler.HandleAsync(context),
        DynamoOperation.BatchWriteItem => BatchWriteHandler.HandleAsync(context),
        DynamoOperation.TransactGetItems => TransactGetHandler.HandleAsync(context),
        DynamoOperation.TransactWriteItems => TransactWriteHandler.HandleAsync(context),
        DynamoOperation.ExecuteStatement => ExecuteStatementHandler.HandleAsync(context),
        DynamoOperation.BatchExecuteStatement => BatchExecuteStatementHandler.HandleAsync(context),
        DynamoOperation.ExecuteTransaction => ExecuteTransactionHandler.HandleAsync(context),
        DynamoOperation.CreateTable => TableLifecycleHandlers.CreateAsync(context),
        DynamoOperation.UpdateTable => TableLifecycleHandlers.UpdateAsync(context),
        DynamoOperation.DeleteTable => TableLifecycleHandlers.DeleteAsync(context),
        DynamoOperation.DescribeTable => TableLifecycleHandlers.DescribeAsync(context),
        _ => throw new InvalidOperationException($"No handler for {context.Operation}."),
    };

    /// <summary>The content types DynamoDB's JSON protocol takes; a body of any other goes to the emulator, which refuses it.</summary>
    private static bool IsJson(string? contentType)
    {
        var media = MediaType(contentType);
        return media.IsEmpty || media.SequenceEqual(WireResponse.AmzJson) || media.SequenceEqual("application/json");
    }

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        var text = contentType.AsSpan();
        int semicolon = text.IndexOf(';');
        return (semicolon < 0 ? text : text[..semicolon]).Trim();
    }

    private async Task RelayAsync(ProxyExchange exchange, ReadOnlyMemory<byte> body)
    {
        try
        {
            await exchange.RelayAsync(services.Upstream, body, services.Stopping.Token);
        }
        catch (UpstreamUnavailableException ex) when (!exchange.HasAnswered)
        {
            exchange.Abort(ex.AsConnectionFailure());
        }
    }
}
