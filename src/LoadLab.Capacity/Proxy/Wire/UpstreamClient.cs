using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// One pooled HttpClient to the emulator. Requests are forwarded with the client's headers (the emulators
/// check only the SigV4 header's format, never the signature, so edited bodies need no re-signing); side
/// calls the proxy makes for itself (cost-free item lookups, DescribeTable) borrow the caller's auth headers.
/// </summary>
internal sealed class UpstreamClient : IDisposable
{
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection",
        "Content-Length", "Expect",
        // Uncompressed responses keep the checksum question simple: x-amz-crc32 covers the bytes we edit.
        "Accept-Encoding",
    };

    private static readonly string[] AuthHeaders = ["Authorization", "X-Amz-Date", "X-Amz-Security-Token"];

    private readonly HttpClient http;
    private readonly Uri upstream;

    public UpstreamClient(Uri upstream, HttpMessageHandler handler)
    {
        this.upstream = upstream;
        http = new HttpClient(handler, disposeHandler: true) { Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri Upstream => upstream;

    /// <summary>Pooled keep-alive connections, no proxy, no decompression, no cookies or redirects: a plain pipe.</summary>
    public static HttpMessageHandler CreateDefaultHandler() => new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        MaxConnectionsPerServer = int.MaxValue,
    };

    /// <summary>
    /// Forwards a client request (its headers, this body) and buffers the answer; with <paramref name="operation"/>, as
    /// that operation (a PartiQL statement translated by the proxy) instead of the client's X-Amz-Target.
    /// </summary>
    public Task<UpstreamResponse> ForwardAsync(IHeaderDictionary headers, string query, ReadOnlyMemory<byte> body, CancellationToken cancellationToken, string? operation = null)
    {
        var request = Build(body, query);
        CopyHeaders(headers, request, authOnly: false, skipTarget: operation is not null);
        if (operation is not null)
            request.Headers.TryAddWithoutValidation("X-Amz-Target", OperationRouter.TargetPrefix + operation);
        return SendBufferedAsync(request, cancellationToken);
    }

    /// <summary>A request the proxy makes for itself, with the caller's auth headers.</summary>
    public Task<UpstreamResponse> SideCallAsync(string operation, ReadOnlyMemory<byte> body, IHeaderDictionary callerHeaders, CancellationToken cancellationToken)
    {
        var request = Build(body);
        CopyHeaders(callerHeaders, request, authOnly: true);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", OperationRouter.TargetPrefix + operation);
        return SendBufferedAsync(request, cancellationToken);
    }

    /// <summary>
    /// Relays a request whose answer the proxy does not need and hands the emulator's answer back as it is,
    /// its body still streaming (the caller disposes the answer).
    /// </summary>
    public async Task<HttpResponseMessage> RelayAsync(string method, string query, IHeaderDictionary headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var request = Build(body, query);
        request.Method = new HttpMethod(method);
        if ((request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options) && body.IsEmpty)
            request.Content = null;
        CopyHeaders(headers, request, authOnly: false);
        return await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>
    /// Whether the emulator answers its health check (<c>GET /</c>, which DynamoDB and the emulators answer
    /// with 200): null when it does, else what went wrong. Bounded by <paramref name="timeout"/>.
    /// </summary>
    public async Task<string?> ProbeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, upstream) { Version = HttpVersion.Version11 };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            return response.IsSuccessStatusCode
                ? null
                : $"the local DynamoDB at {upstream} answered its health check with HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return $"the local DynamoDB at {upstream} cannot be reached: {ex.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"the local DynamoDB at {upstream} did not answer its health check within {timeout.TotalSeconds:0} s";
        }
    }

    public void Dispose() => http.Dispose();

    private HttpRequestMessage Build(ReadOnlyMemory<byte> body, string query = "") =>
        new(HttpMethod.Post, query.Length > 1 ? new Uri(upstream, "/" + query) : upstream) { Content = new ReadOnlyMemoryContent(body), Version = HttpVersion.Version11 };

    private async Task<UpstreamResponse> SendBufferedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            long? announced = response.Content.Headers.ContentLength;
            var body = new PooledBuffer(announced is > 0 and < DynamoErrors.MaxRequestBytes ? (int)announced.Value : 1024);
            try
            {
                await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                await body.ReadFromAsync(stream, long.MaxValue, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                body.Dispose();
                throw new UpstreamUnavailableException($"The local DynamoDB at {upstream} broke off its answer: {ex.Message}", ex);
            }
            catch
            {
                body.Dispose();
                throw;
            }

            return new UpstreamResponse(
                (int)response.StatusCode,
                body,
                First(response.Headers, WireResponse.RequestIdHeader),
                First(response.Headers, WireResponse.Crc32Header),
                response.Content.Headers.ContentType?.ToString());
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new UpstreamUnavailableException($"The local DynamoDB at {upstream} could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new UpstreamUnavailableException($"The local DynamoDB at {upstream} did not answer within {http.Timeout.TotalSeconds:0} s.", ex);
        }
    }

    private static void CopyHeaders(IHeaderDictionary headers, HttpRequestMessage request, bool authOnly, bool skipTarget = false)
    {
        if (authOnly)
        {
            foreach (string name in AuthHeaders)
            {
                if (headers.TryGetValue(name, out var value))
                    request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)value);
            }

            request.Content!.Headers.ContentType = new MediaTypeHeaderValue(WireResponse.AmzJson);
            return;
        }

        foreach (var header in headers)
        {
            if (NotForwarded.Contains(header.Key) || (skipTarget && header.Key.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase)))
                continue;
            if (header.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                if (request.Content is not null)
                    request.Content.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
                continue;
            }

            // Single values (nearly all of them) go in without the enumerable's boxing.
            if (header.Value.Count == 1)
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            else
                request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
        }
    }

    private static string? First(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
