namespace LoadLab.Core.Execution;

/// <summary>
/// SplitMix64 mixing: turns (seed, stream, sequence) into well-spread 64-bit values without shared
/// state, so choices depend only on their inputs — not on threads, timing or call order. Every
/// deterministic choice in LoadLab (operation, key, item content) derives from these.
/// </summary>
public static class DeterministicHash
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    public static ulong Mix(ulong z)
    {
        z += Gamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }

    public static ulong Of(long a, long b) => Mix(Mix((ulong)a) + ((ulong)b * Gamma));

    public static ulong Of(long a, long b, long c) => Mix(Of(a, b) + ((ulong)c * Gamma));

    /// <summary>Stable hash of a name (FNV-1a, then mixed): the same on every machine and run, unlike string.GetHashCode.</summary>
    public static ulong Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ulong h = 0xCBF29CE484222325;
        foreach (char c in text)
        {
            h ^= c;
            h *= 0x100000001B3;
        }

        return Mix(h);
    }

    /// <summary>Maps a hash onto [0, count) without modulo bias worth measuring (multiply-high).</summary>
    public static long ToRange(ulong hash, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return (long)Math.BigMul(hash, (ulong)count, out _);
    }

    /// <summary>A double in [0, 1) from the top 53 bits.</summary>
    public static double ToUnit(ulong value) => (value >> 11) * (1.0 / (1UL << 53));
}
