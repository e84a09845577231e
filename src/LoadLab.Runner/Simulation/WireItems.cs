using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// Turns generated items into the wire JSON the simulator's pricing reads, into one reused buffer: the document of one
/// call must be disposed before the next. Not thread-safe (the simulated engine calls from one thread).
/// </summary>
internal sealed class WireItems
{
    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly Utf8JsonWriter writer;

    public WireItems()
    {
        // Relaxed escaping keeps non-ASCII text as UTF-8, the sizer's fast path (escaped text is sized right, only slower).
        writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public JsonDocument Item(Dictionary<string, AttributeValue> item)
    {
        Reset();
        AttributeValueJson.WriteItem(writer, item);
        return Finish();
    }

    /// <summary>The wire JSON of an item, as bytes of its own (to keep).</summary>
    public byte[] Bytes(Dictionary<string, AttributeValue> item)
    {
        Reset();
        AttributeValueJson.WriteItem(writer, item);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// <paramref name="item"/> with <paramref name="overrides"/> written over it: an attribute it has keeps its place, a
    /// new one goes last (as a dictionary's indexer orders them, so the result is the JSON the SDK would send).
    /// </summary>
    public JsonDocument Merged(JsonElement item, Dictionary<string, AttributeValue>? overrides)
    {
        Reset();
        writer.WriteStartObject();
        foreach (var property in item.EnumerateObject())
        {
            if (overrides is not null && overrides.TryGetValue(property.Name, out var value))
            {
                writer.WritePropertyName(property.Name);
                AttributeValueJson.WriteValue(writer, value);
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        if (overrides is not null)
        {
            foreach (var (name, value) in overrides)
            {
                if (item.TryGetProperty(name, out _))
                    continue;
                writer.WritePropertyName(name);
                AttributeValueJson.WriteValue(writer, value);
            }
        }

        writer.WriteEndObject();
        return Finish();
    }

    public JsonDocument Value(AttributeValue value)
    {
        Reset();
        AttributeValueJson.WriteValue(writer, value);
        return Finish();
    }

    private void Reset()
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
    }

    private JsonDocument Finish()
    {
        writer.Flush();
        return JsonDocument.Parse(buffer.WrittenMemory);
    }
}
