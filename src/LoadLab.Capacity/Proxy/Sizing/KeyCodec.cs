using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Sizing;

/// <summary>
/// Canonical key text and hashes. A key value is type-tagged ("S:", "N:", "B:") so equal bytes of
/// different types never collide, numbers are canonicalised (1.50 = 1.5), and the partition hash is the
/// first 8 bytes (big-endian) of SHA-256 over that text: uniform over the 64-bit space the model splits
/// into partitions (M2; SHA-256 rather than MD5 only because it is what the platform recommends).
/// </summary>
internal static class KeyCodec
{
    /// <summary>Between partition and sort key in <see cref="PrimaryKey.Text"/>; it cannot occur in a type tag.</summary>
    public const char Separator = '\u001F';

    /// <exception cref="RequestShapeException">The item lacks a key attribute or it is not S, N or B.</exception>
    public static PrimaryKey Read(TableInfo table, JsonElement itemOrKey)
    {
        string partition = Canonical(Required(itemOrKey, table.HashKey));
        string text = table.RangeKey is null ? partition : partition + Separator + Canonical(Required(itemOrKey, table.RangeKey));
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(text, digest);
        var id = BinaryPrimitives.ReadUInt128BigEndian(digest);
        ulong partitionHash = table.RangeKey is null ? BinaryPrimitives.ReadUInt64BigEndian(digest) : PartitionHash(partition);
        return new PrimaryKey(text, partition, partitionHash, id);
    }

    public static ulong PartitionHash(string canonicalPartitionKey)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(canonicalPartitionKey, digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }

    /// <summary>"S:text", "N:15E-1", "B:base64".</summary>
    /// <exception cref="RequestShapeException">Not a key attribute value.</exception>
    public static string Canonical(JsonElement attributeValue)
    {
        if (attributeValue.ValueKind == JsonValueKind.Object)
        {
            foreach (var typed in attributeValue.EnumerateObject())
            {
                if (typed.Value.ValueKind != JsonValueKind.String)
                    break;
                var type = JsonMarshal.GetRawUtf8PropertyName(typed);
                if (type.SequenceEqual("S"u8))
                    return "S:" + typed.Value.GetString();
                if (type.SequenceEqual("N"u8))
                    return "N:" + DynamoNumber.Canonical(Encoding.UTF8.GetBytes(typed.Value.GetString()!));
                if (type.SequenceEqual("B"u8))
                    return "B:" + typed.Value.GetString();
                break;
            }
        }

        throw new RequestShapeException("A key attribute must be of type S, N or B.");
    }

    private static JsonElement Required(JsonElement itemOrKey, string attribute) =>
        itemOrKey.ValueKind == JsonValueKind.Object && itemOrKey.TryGetProperty(attribute, out var value)
            ? value
            : throw new RequestShapeException($"The key attribute {attribute} is missing.");

    private static void Hash(string text, Span<byte> digest)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> utf8 = rented ?? stackalloc byte[512];
        int length = Encoding.UTF8.GetBytes(text, utf8);
        SHA256.HashData(utf8[..length], digest);
        if (rented is not null)
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
    }
}
