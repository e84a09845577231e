namespace LoadLab.Core.Execution;

/// <summary>
/// SplitMix64 mixing: turns (seed, stream, sequence) into well-spread 64-bit values without shared
/// state, so choices depend only on their inputs — not on threads, timing or call order.
/// </summary>
public static class DeterministicHash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(long seed, long stream, long sequence) =>
        Mix(Mix(Mix((ulong)seed) ^ (ulong)stream) ^ (ulong)sequence);

    /// <summary>A double in [0, 1) from the top 53 bits.</summary>
    public static double ToUnit(ulong value) => (value >> 11) * (1.0 / (1UL << 53));

    /// <summary>Stable 64-bit hash of a name (FNV-1a), for deriving stream ids from scenario names.</summary>
    public static long OfName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ulong h = 14695981039346656037UL;
        foreach (char c in name)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return (long)h;
    }
}
