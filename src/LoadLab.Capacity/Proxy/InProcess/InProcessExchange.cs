using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LoadLab.Capacity.Proxy.InProcess;

/// <summary>A request the SDK handed to <see cref="InProcessSimulatorHandler"/>; the answer becomes its <see cref="Response"/>.</summary>
internal sealed class InProcessExchange(HttpRequestMessage request, CancellationToken aborted) : ProxyExchange
{
    private HeaderDictionary? headers;

    /// <summary>The answer for the SDK, once the dispatcher gave one.</summary>
    public HttpResponseMessage? Response { get; private set; }

    /// <summary>Set when the dispatcher dropped the connection: the SDK's send fails with it instead of getting an answer.</summary>
    public HttpRequestException? Failure { get; private set; }

    public override string Method => request.Method.Method;

    public override bool IsRootPath => request.RequestUri is null || request.RequestUri.AbsolutePath == "/";

    public override IHeaderDictionary Headers => headers ??= Collect(request);

    public override string QueryString => request.RequestUri is { Query.Length: > 1 } uri ? uri.Query : string.Empty;

    public override CancellationToken Aborted => aborted;

    public override bool HasAnswered => Response is not null || Failure is not null;

    public override async Task<RequestBody> ReadBodyAsync()
    {
        if (request.Content is null)
            return await RequestBody.ReadAsync(Stream.Null, 0, aborted);
        var stream = await request.Content.ReadAsStreamAsync(aborted);
        return await RequestBody.ReadAsync(stream, request.Content.Headers.ContentLength, aborted);
    }

    public override async Task RelayAsync(UpstreamClient upstream, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var answer = await upstream.RelayAsync(Method, QueryString, Headers, body, cancellationToken);
        answer.RequestMessage = request;
        Response = answer;
    }

    public override Task WriteAsync(WireResponse response)
    {
        Response ??= response.ToResponseMessage(request);
        return Task.CompletedTask;
    }

    public override void Abort(HttpRequestException cause)
    {
        Response?.Dispose();
        Response = null;
        Failure ??= cause;
    }

    /// <summary>The request's and its content's headers in one dictionary, as Kestrel would have parsed them off the wire.</summary>
    private static HeaderDictionary Collect(HttpRequestMessage request)
    {
        var collected = new HeaderDictionary();
        foreach (var (name, values) in request.Headers.NonValidated)
            collected[name] = Values(values);
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
                collected[name] = Values(values);
        }

        return collected;
    }

    private static StringValues Values(System.Net.Http.Headers.HeaderStringValues values) =>
        values.Count == 1 ? new StringValues(values.ToString()) : new StringValues([.. values]);
}
