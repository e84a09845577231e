using System.Text;
using System.Text.Json;

namespace LoadLab.Capacity.Proxy.PartiQL;

/// <summary>
/// ExecuteStatement's NextToken: the Query's LastEvaluatedKey as base64 JSON. Opaque to clients, as DynamoDB's
/// is; the proxy keeps no state for it, so a token survives a restart of the proxy (not of the data).
/// </summary>
internal static class NextTokens
{
    public static string Encode(JsonElement lastEvaluatedKey) => Convert.ToBase64String(Encoding.UTF8.GetBytes(lastEvaluatedKey.GetRawText()));

    /// <summary>The key the token stands for (a document the caller disposes).</summary>
    /// <exception cref="PartiqlException">Not a token this proxy issued.</exception>
    public static JsonDocument Decode(string token)
    {
        try
        {
            var document = JsonDocument.Parse(Convert.FromBase64String(token));
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document;
            document.Dispose();
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            // Falls through to the error below.
        }

        throw new PartiqlException("The provided NextToken is not valid: pass the NextToken of the previous answer to the same statement.");
    }
}
