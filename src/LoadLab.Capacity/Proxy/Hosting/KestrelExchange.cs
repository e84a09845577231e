using System.Net.Http.Headers;
using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>A request that came over loopback HTTP to Kestrel.</summary>
internal sealed class KestrelExchange(HttpContext http) : ProxyExchange
{
    // Kestrel frames the relayed body itself (it sets its own Date and connection handling).
    private static readonly HashSet<string> NotRelayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade", "Proxy-Connection", "Date",
    };

    public override string Method => http.Request.Method;

    public override bool IsRootPath => http.Request.Path == "/";

    public override IHeaderDictionary Headers => http.Request.Headers;

    public override string QueryString => http.Request.QueryString.Value ?? string.Empty;

    public override CancellationToken Aborted => http.RequestAborted;

    public override bool HasAnswered => http.Response.HasStarted;

    public override Task<RequestBody> ReadBodyAsync() =>
        RequestBody.ReadAsync(http.Request.Body, http.Request.ContentLength, http.RequestAborted);

    /// <summary>Streams the emulator's answer to the client, its headers included.</summary>
    public override async Task RelayAsync(UpstreamClient upstream, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var response = await upstream.RelayAsync(http.Request.Method, QueryString, http.Request.Headers, body, cancellationToken);
        http.Response.StatusCode = (int)response.StatusCode;
        CopyHeaders(response.Headers, http.Response);
        CopyHeaders(response.Content.Headers, http.Response);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await stream.CopyToAsync(http.Response.Body, cancellationToken);
    }

    public override async Task WriteAsync(WireResponse response)
    {
        if (http.Response.HasStarted)
            return;
        try
        {
            await response.WriteAsync(http.Response, http.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client went away; nothing left to tell it.
        }
    }

    // Over a socket the cause cannot travel: the client sees its connection reset.
    public override void Abort(HttpRequestException cause) => http.Abort();

    private static void CopyHeaders(HttpHeaders from, HttpResponse to)
    {
        foreach (var header in from)
        {
            if (!NotRelayed.Contains(header.Key))
                to.Headers[header.Key] = new StringValues(header.Value.ToArray());
        }
    }
}
