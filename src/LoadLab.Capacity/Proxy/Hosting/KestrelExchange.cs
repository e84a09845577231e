using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>A request that came over loopback HTTP to Kestrel.</summary>
internal sealed class KestrelExchange(HttpContext http) : ProxyExchange
{
    public override string Method => http.Request.Method;

    public override bool IsRootPath => http.Request.Path == "/";

    public override IHeaderDictionary Headers => http.Request.Headers;

    public override bool HasPresignedQuery => http.Request.Query.ContainsKey("X-Amz-Algorithm");

    public override CancellationToken Aborted => http.RequestAborted;

    public override bool HasAnswered => http.Response.HasStarted;

    public override Task<RequestBody> ReadBodyAsync() =>
        RequestBody.ReadAsync(http.Request.Body, http.Request.ContentLength, http.RequestAborted);

    public override Task RelayAsync(UpstreamClient upstream, ReadOnlyMemory<byte> body, CancellationToken cancellationToken) =>
        upstream.RelayAsync(http, body, cancellationToken);

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
}
