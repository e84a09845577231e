using System.Buffers.Binary;
using System.Numerics;

namespace LoadLab.Capacity.Proxy.Sizing;

/// <summary>
/// A fast 64-bit fingerprint (multiply-rotate over 8-byte words, murmur finaliser) for "did this index
/// entry's key or projection change" checks. Not for routing and not cryptographic: a collision only
/// prices one index write as unchanged.
/// </summary>
internal struct Fingerprint
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;

    private ulong state;

    public Fingerprint()
    {
        state = 0x27D4EB2F165667C5UL;
    }

    public readonly ulong Value
    {
        get
        {
            ulong h = state;
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            return h;
        }
    }

    public void Add(ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        for (; i + 8 <= bytes.Length; i += 8)
            Mix(BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..]));
        ulong tail = (ulong)(bytes.Length - i) << 56;
        for (int shift = 0; i < bytes.Length; i++, shift += 8)
            tail |= (ulong)bytes[i] << shift;
        Mix(tail);
    }

    private void Mix(ulong word) => state = BitOperations.RotateLeft((state ^ word) * Prime1, 31) * Prime2;
}
