using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace LoadLab.Tracing.Segments;

/// <summary>
/// Hashes which item an operation touched, so traces can show hot keys without carrying key values (which may be
/// personal data). The key is random per process and never written anywhere: hashes match within a run, and a
/// guessable key space (customer numbers) cannot be brute-forced back from a trace.
/// </summary>
internal sealed class KeyHasher
{
    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);

    public string Hash(string table, long itemIndex)
    {
        // Table name then the index as 8 bytes: unambiguous, and no intermediate string.
        int length = Encoding.UTF8.GetByteCount(table) + sizeof(long);
        Span<byte> input = length <= 512 ? stackalloc byte[length] : new byte[length];
        int written = Encoding.UTF8.GetBytes(table, input);
        BinaryPrimitives.WriteInt64BigEndian(input[written..], itemIndex);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, input, mac);
        return Convert.ToHexStringLower(mac[..8]);
    }
}
