using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace LoadLab.DynamoDb.Data;

/// <summary>
/// Writes SDK attribute values as DynamoDB's wire JSON (<c>{"name": {"S": "…"}}</c>), the form the capacity
/// simulator reads, so a generated item can be priced by its rules without a request. Types are told apart the way
/// <see cref="ItemSize"/> does (collections may be empty lists rather than null).
/// </summary>
public static class AttributeValueJson
{
    public static void WriteItem(Utf8JsonWriter writer, Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(item);
        writer.WriteStartObject();
        foreach (var (name, value) in item)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    /// <exception cref="ArgumentException">The value sets no type.</exception>
    public static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.S is { } s)
        {
            writer.WriteString("S"u8, s);
        }
        else if (value.N is { } n)
        {
            writer.WriteString("N"u8, n);
        }
        else if (value.B is { } b)
        {
            writer.WriteBase64String("B"u8, Bytes(b));
        }
        else if (value.BOOL is { } flag)
        {
            writer.WriteBoolean("BOOL"u8, flag);
        }
        else if (value.NULL == true)
        {
            writer.WriteBoolean("NULL"u8, true);
        }
        else if (value.M is { } map && (value.IsMSet || map.Count > 0))
        {
            writer.WritePropertyName("M"u8);
            WriteItem(writer, map);
        }
        else if (value.L is { } list && (value.IsLSet || list.Count > 0))
        {
            writer.WriteStartArray("L"u8);
            foreach (var element in list)
                WriteValue(writer, element);
            writer.WriteEndArray();
        }
        else if (value.SS is { Count: > 0 } strings)
        {
            writer.WriteStartArray("SS"u8);
            foreach (var element in strings)
                writer.WriteStringValue(element);
            writer.WriteEndArray();
        }
        else if (value.NS is { Count: > 0 } numbers)
        {
            writer.WriteStartArray("NS"u8);
            foreach (var element in numbers)
                writer.WriteStringValue(element);
            writer.WriteEndArray();
        }
        else if (value.BS is { Count: > 0 } binaries)
        {
            writer.WriteStartArray("BS"u8);
            foreach (var element in binaries)
                writer.WriteBase64StringValue(Bytes(element));
            writer.WriteEndArray();
        }
        else if (value.L is not null)
        {
            // An empty list whose flag was lost.
            writer.WriteStartArray("L"u8);
            writer.WriteEndArray();
        }
        else if (value.M is not null)
        {
            writer.WriteStartObject("M"u8);
            writer.WriteEndObject();
        }
        else
        {
            throw new ArgumentException("The attribute value sets none of S, N, B, BOOL, NULL, M, L, SS, NS or BS.", nameof(value));
        }

        writer.WriteEndObject();
    }

    private static ReadOnlySpan<byte> Bytes(MemoryStream stream) =>
        stream.TryGetBuffer(out var buffer) ? buffer.AsSpan(0, (int)stream.Length) : stream.ToArray();
}
