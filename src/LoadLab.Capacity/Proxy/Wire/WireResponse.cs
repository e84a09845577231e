using Microsoft.AspNetCore.Http;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// A complete response to the client: status, body and DynamoDB's headers (<c>x-amzn-RequestId</c>,
/// <c>x-amz-crc32</c>, Content-Length). Owns the pooled body buffer when it has one.
/// </summary>
internal sealed class WireResponse : IDisposable
{
    public const string AmzJson = "application/x-amz-json-1.0";
    public const string RequestIdHeader = "x-amzn-RequestId";
    public const string Crc32Header = "x-amz-crc32";

    private readonly IDisposable? owner;
    private List<KeyValuePair<string, string>>? extraHeaders;

    private WireResponse(int status, ReadOnlyMemory<byte> body, string? contentType, string requestId, string? crc32, IDisposable? owner, List<KeyValuePair<string, string>>? extraHeaders)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
        RequestId = requestId;
        Crc32 = crc32;
        this.owner = owner;
        this.extraHeaders = extraHeaders;
    }

    public int Status { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The Content-Type; null sends none. The dispatcher sets it to the type the client sent, as DynamoDB echoes it.</summary>
    public string? ContentType { get; set; }

    public string RequestId { get; }

    /// <summary>The <c>x-amz-crc32</c> value, or null to send none (only when the upstream sent none).</summary>
    public string? Crc32 { get; }

    /// <summary>What this attempt came to, for the attempt statistics.</summary>
    public AttemptOutcome Outcome { get; set; } = AttemptOutcome.Served;

    /// <summary>A JSON body the proxy built (or edited): the checksum is computed here, the request id kept or made.</summary>
    public static WireResponse Json(int status, PooledBuffer body, string? requestId = null, IEnumerable<KeyValuePair<string, string>>? extraHeaders = null) =>
        new(status, body.Memory, AmzJson, requestId ?? RequestIds.New(), Wire.Crc32.HeaderValue(body.Span), body, extraHeaders?.ToList());

    /// <summary>The emulator's answer exactly as it came (its checksum still matches the untouched body).</summary>
    public static WireResponse Unchanged(UpstreamResponse upstream) =>
        new(upstream.Status, upstream.Body.Memory, upstream.ContentType ?? AmzJson, upstream.RequestId ?? RequestIds.New(), upstream.Crc32, upstream, null);

    /// <summary>An answer with no body (DynamoDB's front end refusing an over-size request).</summary>
    public static WireResponse Empty(int status) => new(status, ReadOnlyMemory<byte>.Empty, null, RequestIds.New(), null, null, null);

    public void AddHeader(string name, string value) => (extraHeaders ??= []).Add(new KeyValuePair<string, string>(name, value));

    public async Task WriteAsync(HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = Status;
        if (ContentType is not null)
            response.ContentType = ContentType;
        response.Headers[RequestIdHeader] = RequestId;
        if (Crc32 is not null)
            response.Headers[Crc32Header] = Crc32;
        if (extraHeaders is not null)
        {
            foreach (var header in extraHeaders)
                response.Headers[header.Key] = header.Value;
        }

        response.ContentLength = Body.Length;
        if (Body.Length > 0)
            await response.Body.WriteAsync(Body, cancellationToken);
    }

    /// <summary>
    /// The same answer as a message for a handler inside the client's process. The body is copied: the SDK
    /// reads it after the proxy has disposed this response and returned its pooled buffer.
    /// </summary>
    public HttpResponseMessage ToResponseMessage(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(Body.ToArray());
        if (ContentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        content.Headers.ContentLength = Body.Length;
        var message = new HttpResponseMessage((System.Net.HttpStatusCode)Status) { Content = content, RequestMessage = request };
        message.Headers.TryAddWithoutValidation(RequestIdHeader, RequestId);
        if (Crc32 is not null)
            message.Headers.TryAddWithoutValidation(Crc32Header, Crc32);
        if (extraHeaders is not null)
        {
            foreach (var header in extraHeaders)
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return message;
    }

    public void Dispose() => owner?.Dispose();
}

/// <summary>How one attempt ended, as the attempt statistics count it.</summary>
internal enum AttemptOutcome
{
    /// <summary>Forwarded and answered by the emulator (successfully or with its own error).</summary>
    Served,

    /// <summary>Refused by the capacity model: a throttling exception was returned.</summary>
    Throttled,

    /// <summary>A batch of which some items were refused and returned as unprocessed.</summary>
    PartiallyThrottled,

    /// <summary>Answered by the proxy with an error of its own (bad input, emulator unreachable).</summary>
    Rejected,
}
