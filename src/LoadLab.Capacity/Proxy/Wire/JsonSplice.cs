using System.Text.Json;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// Edits the top level of a JSON object without re-serialising it: the kept properties are copied as raw
/// bytes (an Items array of a 1 MB page is a memcpy), named ones are dropped, new ones appended. This is
/// how the proxy swaps ConsumedCapacity, strips injected ReturnValues, or replaces UnprocessedItems.
/// </summary>
internal static class JsonSplice
{
    /// <exception cref="JsonException">The input is not a JSON object.</exception>
    public static void Rewrite(ReadOnlySpan<byte> json, ReadOnlySpan<string> remove, Action<Utf8JsonWriter>? append, PooledBuffer output)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Expected a JSON object.");
        output.Write("{"u8);
        bool first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int start = checked((int)reader.TokenStartIndex);
            bool drop = Matches(ref reader, remove);
            reader.Read();
            reader.Skip();
            int end = checked((int)reader.BytesConsumed);
            if (drop)
                continue;
            if (!first)
                output.Write(","u8);
            output.Write(json[start..end]);
            first = false;
        }

        if (append is not null)
        {
            using var appended = new PooledBuffer(512);
            using (var writer = new Utf8JsonWriter(appended, DynamoErrors.WriterOptions))
            {
                writer.WriteStartObject();
                append(writer);
                writer.WriteEndObject();
            }

            var inner = appended.Span[1..^1];
            if (inner.Length > 0)
            {
                if (!first)
                    output.Write(","u8);
                output.Write(inner);
            }
        }

        output.Write("}"u8);
    }

    /// <summary>A new buffer holding the edited object.</summary>
    public static PooledBuffer Rewrite(ReadOnlySpan<byte> json, ReadOnlySpan<string> remove, Action<Utf8JsonWriter>? append)
    {
        var output = new PooledBuffer(json.Length + 256);
        try
        {
            Rewrite(json, remove, append, output);
            return output;
        }
        catch
        {
            output.Dispose();
            throw;
        }
    }

    private static bool Matches(ref Utf8JsonReader reader, ReadOnlySpan<string> names)
    {
        foreach (string name in names)
        {
            if (reader.ValueTextEquals(name))
                return true;
        }

        return false;
    }
}
