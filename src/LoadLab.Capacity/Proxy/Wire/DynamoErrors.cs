using System.Text.Encodings.Web;
using System.Text.Json;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// Errors in DynamoDB's JSON shape (<c>{"__type": "...#Name", "message": "..."}</c>), with the shape ids
/// the service uses: coral ids for protocol errors, the DynamoDB namespace for service exceptions.
/// Protocol errors carry no message, as DynamoDB (and dynalite, which copied it) sends none.
/// </summary>
internal static class DynamoErrors
{
    public const string DynamoNamespace = "com.amazonaws.dynamodb.v20120810#";
    public const string CoralService = "com.amazon.coral.service#";
    public const string CoralValidate = "com.amazon.coral.validate#";

    /// <summary>DynamoDB's request size limit (16 MB), the same limit dynalite enforces.</summary>
    public const int MaxRequestBytes = 16 * 1024 * 1024;

    /// <summary>Relaxed escaping: the bodies are JSON for SDKs, not HTML, and ARNs and URLs read better unescaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static WireResponse Serialization() => Create(400, CoralService + "SerializationException", null);

    public static WireResponse Validation(string message) => Create(400, CoralValidate + "ValidationException", message);

    public static WireResponse InternalServerError(string message) => Create(500, DynamoNamespace + "InternalServerError", message);

    /// <summary>
    /// An over-size body: HTTP 413 with no body, before the target or anything else is looked at, as the emulator
    /// (copying DynamoDB's front end) answers it.
    /// </summary>
    public static WireResponse RequestTooLarge()
    {
        var response = WireResponse.Empty(413);
        response.Outcome = AttemptOutcome.Rejected;
        return response;
    }

    /// <summary>The body ended before the length the client announced: DynamoDB cannot read such a request.</summary>
    public static WireResponse Truncated() =>
        Create(400, CoralService + "SerializationException", "The request body ended before the announced Content-Length.");

    public static WireResponse Create(int status, string type, string? message)
    {
        var body = new PooledBuffer(256);
        using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", type);
            if (message is not null)
                writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        var response = WireResponse.Json(status, body);
        response.Outcome = AttemptOutcome.Rejected;
        return response;
    }
}
