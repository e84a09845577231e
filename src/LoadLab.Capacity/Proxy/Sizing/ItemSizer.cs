using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Sizing;

/// <summary>
/// Item size per docs/capacity-model.md §3 (CapacityUnitCalculations.html), read straight from the
/// DynamoDB JSON: attribute name UTF-8 bytes plus value size; S = UTF-8 bytes, N = <see cref="DynamoNumber"/>,
/// B = raw bytes (not base64 text), BOOL/NULL = 1, L/M = 3 + 1 per element + elements (+ key bytes for M),
/// sets = sum of elements. Works on the raw UTF-8 of the document, so sizing allocates nothing.
/// </summary>
internal static class ItemSizer
{
    /// <exception cref="RequestShapeException">The item is not a map of attribute values.</exception>
    public static long OfItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
            throw new RequestShapeException("An item must be a map of attribute values.");
        long size = 0;
        foreach (var attribute in item.EnumerateObject())
            size += NameBytes(attribute) + OfValue(attribute.Value);
        return size;
    }

    public static long NameBytes(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.IndexOf((byte)'\\') < 0 ? raw.Length : Encoding.UTF8.GetByteCount(property.Name);
    }

    /// <exception cref="RequestShapeException">The value is not an attribute value.</exception>
    public static long OfValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new RequestShapeException("An attribute value must be an object such as {\"S\": \"text\"}.");
        foreach (var typed in value.EnumerateObject())
        {
            var type = JsonMarshal.GetRawUtf8PropertyName(typed);
            var v = typed.Value;
            if (type.SequenceEqual("S"u8))
                return StringBytes(v);
            if (type.SequenceEqual("N"u8))
                return NumberBytes(v);
            if (type.SequenceEqual("B"u8))
                return BinaryBytes(v);
            if (type.SequenceEqual("BOOL"u8) || type.SequenceEqual("NULL"u8))
                return 1;
            if (type.SequenceEqual("SS"u8))
                return SumOf(v, StringBytes);
            if (type.SequenceEqual("NS"u8))
                return SumOf(v, NumberBytes);
            if (type.SequenceEqual("BS"u8))
                return SumOf(v, BinaryBytes);
            if (type.SequenceEqual("L"u8))
                return ListBytes(v);
            if (type.SequenceEqual("M"u8))
                return MapBytes(v);
            throw new RequestShapeException("Unknown attribute value type.");
        }

        throw new RequestShapeException("An attribute value must name exactly one type.");
    }

    public static long StringBytes(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new RequestShapeException("S must be a string.");
        var raw = JsonMarshal.GetRawUtf8Value(value);
        // Without escapes the JSON text between the quotes is the UTF-8 of the value itself.
        return raw.IndexOf((byte)'\\') < 0 ? raw.Length - 2 : Encoding.UTF8.GetByteCount(value.GetString()!);
    }

    public static long NumberBytes(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new RequestShapeException("N must be a string.");
        var raw = JsonMarshal.GetRawUtf8Value(value);
        return DynamoNumber.SizeOf(raw[1..^1]);
    }

    public static long BinaryBytes(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new RequestShapeException("B must be a base64 string.");
        var raw = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        if (raw.IndexOf((byte)'\\') >= 0)
            return Base64Length(Encoding.UTF8.GetBytes(value.GetString()!));
        return Base64Length(raw);
    }

    private static long Base64Length(ReadOnlySpan<byte> base64)
    {
        int n = base64.Length;
        if (n == 0)
            return 0;
        if (n % 4 != 0)
            return n * 3L / 4;
        int padding = base64[^1] == (byte)'=' ? (base64[^2] == (byte)'=' ? 2 : 1) : 0;
        return (n / 4 * 3L) - padding;
    }

    private static long SumOf(JsonElement array, Func<JsonElement, long> element)
    {
        if (array.ValueKind != JsonValueKind.Array)
            throw new RequestShapeException("A set must be an array.");
        long size = 0;
        foreach (var item in array.EnumerateArray())
            size += element(item);
        return size;
    }

    private static long ListBytes(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array)
            throw new RequestShapeException("L must be an array.");
        long size = 3;
        foreach (var item in list.EnumerateArray())
            size += 1 + OfValue(item);
        return size;
    }

    private static long MapBytes(JsonElement map)
    {
        if (map.ValueKind != JsonValueKind.Object)
            throw new RequestShapeException("M must be an object.");
        long size = 3;
        foreach (var entry in map.EnumerateObject())
            size += 1 + NameBytes(entry) + OfValue(entry.Value);
        return size;
    }
}
