using System.Text.Json;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>The emulator's answer, buffered (pooled): status, the headers the proxy keeps, and the body.</summary>
internal sealed class UpstreamResponse : IDisposable
{
    private string? errorType;
    private bool errorTypeRead;

    public UpstreamResponse(int status, PooledBuffer body, string? requestId, string? crc32, string? contentType)
    {
        Status = status;
        Body = body;
        RequestId = requestId;
        Crc32 = crc32;
        ContentType = contentType;
    }

    public int Status { get; }

    public PooledBuffer Body { get; }

    public string? RequestId { get; }

    public string? Crc32 { get; }

    public string? ContentType { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The short error name of a DynamoDB error body ("ConditionalCheckFailedException"), or null.</summary>
    public string? ErrorType
    {
        get
        {
            if (!errorTypeRead)
            {
                errorType = IsSuccess ? null : ReadErrorType(Body.Span);
                errorTypeRead = true;
            }

            return errorType;
        }
    }

    public bool IsError(string shortName) => string.Equals(ErrorType, shortName, StringComparison.Ordinal);

    public void Dispose() => Body.Dispose();

    /// <summary>Clients strip everything up to '#' (and after ':') from <c>__type</c>; so does this.</summary>
    internal static string? ReadErrorType(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = reader.ValueTextEquals("__type"u8);
                reader.Read();
                if (isType && reader.TokenType == JsonTokenType.String)
                    return ShortName(reader.GetString()!);
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: no DynamoDB error name to read.
        }

        return null;
    }

    internal static string ShortName(string type)
    {
        int hash = type.LastIndexOf('#');
        string name = hash >= 0 ? type[(hash + 1)..] : type;
        int colon = name.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? name[..colon] : name;
    }
}
