using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace LoadLab.Tracing.Segments;

/// <summary>
/// Hashes which item an operation touched, so traces can show hot keys without carrying key values (which may be
/// personal data). The hash is SipHash-2-4, a keyed pseudo-random function made for short inputs; the key is random
/// per process and never written anywhere: hashes match within a run, and a guessable key space (customer numbers)
/// cannot be brute-forced back from a trace. SipHash rather than HMAC-SHA256: about a hundred times cheaper per
/// call, with the same property that matters here.
/// </summary>
internal sealed class KeyHasher
{
    private readonly ulong k0;
    private readonly ulong k1;

    public KeyHasher()
        : this(RandomNumberGenerator.GetBytes(16))
    {
    }

    /// <summary>A hasher with a known key, for the reference test vectors.</summary>
    internal KeyHasher(ReadOnlySpan<byte> key)
    {
        k0 = BinaryPrimitives.ReadUInt64LittleEndian(key);
        k1 = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
    }

    /// <summary>16 hex digits for (table, item index).</summary>
    public string Hash(string table, long itemIndex)
    {
        // Table name then the index as 8 bytes: unambiguous, and no intermediate string.
        int length = Encoding.UTF8.GetByteCount(table) + sizeof(long);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        int written = Encoding.UTF8.GetBytes(table, input);
        BinaryPrimitives.WriteInt64BigEndian(input[written..], itemIndex);
        return SipHash(input).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>SipHash-2-4 of <paramref name="data"/> (Aumasson and Bernstein, 2012).</summary>
    internal ulong SipHash(ReadOnlySpan<byte> data)
    {
        ulong v0 = k0 ^ 0x736f6d6570736575UL;
        ulong v1 = k1 ^ 0x646f72616e646f6dUL;
        ulong v2 = k0 ^ 0x6c7967656e657261UL;
        ulong v3 = k1 ^ 0x7465646279746573UL;
        int blocks = data.Length / 8;
        for (int i = 0; i < blocks; i++)
        {
            ulong m = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i * 8, 8));
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        ulong last = (ulong)data.Length << 56;
        var tail = data[(blocks * 8)..];
        for (int i = 0; i < tail.Length; i++)
            last |= (ulong)tail[i] << (8 * i);
        v3 ^= last;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;
        v2 ^= 0xff;
        for (int i = 0; i < 4; i++)
            Round(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1; v1 = BitOperations.RotateLeft(v1, 13); v1 ^= v0; v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3; v3 = BitOperations.RotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = BitOperations.RotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = BitOperations.RotateLeft(v1, 17); v1 ^= v2; v2 = BitOperations.RotateLeft(v2, 32);
    }
}
