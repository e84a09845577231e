using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;

namespace LoadLab.Capacity.Proxy.Hosting;

/// <summary>
/// Reads a request body into a pooled buffer, within DynamoDB's 16 MB request limit. An over-size body
/// (announced or streamed) and a body that ends before its Content-Length become DynamoDB-style errors.
/// </summary>
internal sealed class RequestBody : IDisposable
{
    private RequestBody(PooledBuffer? buffer, WireResponse? error)
    {
        Buffer = buffer;
        Error = error;
    }

    public PooledBuffer? Buffer { get; }

    public WireResponse? Error { get; }

    public static async Task<RequestBody> ReadAsync(Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        if (contentLength > DynamoErrors.MaxRequestBytes)
            return new RequestBody(null, DynamoErrors.RequestTooLarge());
        var buffer = new PooledBuffer((int)Math.Max(256, contentLength ?? 4096));
        try
        {
            if (!await buffer.ReadFromAsync(body, DynamoErrors.MaxRequestBytes, cancellationToken))
            {
                buffer.Dispose();
                return new RequestBody(null, DynamoErrors.RequestTooLarge());
            }

            return new RequestBody(buffer, null);
        }
        catch (BadHttpRequestException)
        {
            buffer.Dispose();
            return new RequestBody(null, DynamoErrors.Truncated());
        }
        catch (IOException)
        {
            buffer.Dispose();
            return new RequestBody(null, DynamoErrors.Truncated());
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    public void Dispose() => Buffer?.Dispose();
}
