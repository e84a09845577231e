using LoadLab.Core.Execution;

namespace LoadLab.DynamoDb.Data.Generation;

/// <summary>
/// A <see cref="Random"/> on SplitMix64 whose whole state is one word, so it can be reset to (seed, index, field) before
/// every field at no cost. A seeded <see cref="Random"/> costs about a microsecond to create, which per field would be
/// a large share of the item budget; this keeps item i a function of its inputs and nothing else.
/// </summary>
internal sealed class SplitMixRandom : Random
{
    private ulong state;

    public void Reset(ulong seed) => state = seed;

    public ulong NextUInt64()
    {
        ulong z = state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)Math.BigMul(NextUInt64(), (ulong)maxValue, out _);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)(minValue + (long)Math.BigMul(NextUInt64(), (ulong)((long)maxValue - minValue), out _));
    }

    public override long NextInt64() => (long)(NextUInt64() >> 1);

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)Math.BigMul(NextUInt64(), (ulong)maxValue, out _);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (long)Math.BigMul(NextUInt64(), unchecked((ulong)(maxValue - minValue)), out _);
    }

    public override double NextDouble() => DeterministicHash.ToUnit(NextUInt64());

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1u << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        int i = 0;
        while (i < buffer.Length)
        {
            ulong value = NextUInt64();
            for (int k = 0; k < 8 && i < buffer.Length; k++, i++, value >>= 8)
                buffer[i] = (byte)value;
        }
    }

    protected override double Sample() => NextDouble();
}
