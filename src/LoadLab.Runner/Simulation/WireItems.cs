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
