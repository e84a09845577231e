using System.Text.Json;
using LoadLab.Capacity.Proxy.Metrics;
using LoadLab.Capacity.Proxy.Operations;
using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>
/// The one request delegate: admin paths, then the DynamoDB API. Input is checked in DynamoDB's order
/// (target, body size and JSON) and answered with DynamoDB's errors; a request the proxy cannot price is
/// forwarded uncharged for the emulator to judge; nothing a client sends can crash the proxy or leave
/// the model half-updated (Admit deducts nothing; Settle runs only after the emulator answered).
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

    /// <summary>One DynamoDB API request, from either transport.</summary>
    public async Task HandleApiAsync(ProxyExchange exchange)
    {
        if (HttpMethods.IsGet(exchange.Method) && exchange.IsRootPath)
        {
            // dynalite's (and DynamoDB's) health answer.
            await RelayAsync(exchange, ReadOnlyMemory<byte>.Empty);
            return;
        }

        WireResponse? response = null;
        AttemptTicket? ticket = null;
        bool dropped = false;
        try
        {
            var headers = exchange.Headers;
            bool routed = OperationRouter.TryRoute(headers["X-Amz-Target"].ToString(), out var operation, out string name);
            ticket = services.Statistics.Begin(routed ? name : UnknownOperation, AttemptHeaders.Parse(headers[AttemptHeaders.InvocationIdHeader], headers[AttemptHeaders.RequestHeader]));
            if (!HttpMethods.IsPost(exchange.Method) || !IsJson(headers.ContentType))
            {
                // dynalite (copying DynamoDB) answers these with 404 UnknownOperationException.
                response = DynamoErrors.UnknownOperation(404);
                return;
            }

            if (!routed)
            {
                response = DynamoErrors.UnknownOperation();
                return;
            }

            using var body = await exchange.ReadBodyAsync();
            if (body.Error is not null)
            {
                response = body.Error;
                return;
            }

            // Faults to rehearse (Proxy/Faults): injected latency has passed by now; an injected failure answers instead.
            var injection = await services.Faults.InjectAsync(exchange, operation);
            if (injection.Handled)
            {
                response = injection.Response;
                dropped = injection.Dropped;
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
                await exchange.WriteAsync(response);
            if (ticket is { } t)
                services.Statistics.End(t, response?.Outcome ?? (dropped ? AttemptOutcome.Rejected : AttemptOutcome.Served));
            response?.Dispose();
        }
    }

    private async Task<WireResponse?> HandleOperationAsync(ProxyExchange exchange, DynamoOperation operation, string name, PooledBuffer body)
    {
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
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return DynamoErrors.Serialization();
            if (operation == DynamoOperation.PassThrough || !HasSignature(exchange))
            {
                // Nothing to price (or the emulator will refuse the missing signature first, as DynamoDB does).
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
    /// The request (not the proxy) is malformed: a member missing or of an unexpected JSON kind
    /// (JsonElement throws InvalidOperationException or KeyNotFoundException for those).
    /// </summary>
    private static bool IsUnpriceable(Exception ex) =>
        ex is RequestShapeException or InvalidOperationException or KeyNotFoundException or FormatException;

    private static Task<WireResponse> RouteAsync(OperationContext context) => context.Operation switch
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
        DynamoOperation.CreateTable => TableLifecycleHandlers.CreateAsync(context),
        DynamoOperation.UpdateTable => TableLifecycleHandlers.UpdateAsync(context),
        DynamoOperation.DeleteTable => TableLifecycleHandlers.DeleteAsync(context),
        DynamoOperation.DescribeTable => TableLifecycleHandlers.DescribeAsync(context),
        _ => throw new InvalidOperationException($"No handler for {context.Operation}."),
    };

    private static bool IsJson(string? contentType)
    {
        string media = (contentType ?? string.Empty).Split(';')[0].Trim();
        return media.Length == 0
            || media.Equals(WireResponse.AmzJson, StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A SigV4 header or presigned query; the emulators check only that one is there and well formed.</summary>
    private static bool HasSignature(ProxyExchange exchange) =>
        exchange.Headers.Authorization.ToString().TrimStart().StartsWith("AWS4-", StringComparison.Ordinal)
        || exchange.HasPresignedQuery;

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
