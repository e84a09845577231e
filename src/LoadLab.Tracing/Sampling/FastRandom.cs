namespace LoadLab.Tracing.Sampling;

/// <summary>
/// Per-thread xorshift64* for the sampling draw: a few instructions and no shared state, where even
/// <see cref="Random.Shared"/> costs several times more on every operation. Seeded from <see cref="Random.Shared"/>.
/// Not for ids or anything that must be unpredictable.
/// </summary>
internal static class FastRandom
{
    [ThreadStatic]
    private static ulong state;

    /// <summary>Uniform in [0, 1).</summary>
    public static double NextDouble()
    {
        ulong x = state;
        if (x == 0)
            x = (ulong)Random.Shared.NextInt64(1, long.MaxValue);
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        state = x;
        return ((x * 0x2545F4914F6CDD1DUL) >> 11) * (1.0 / (1UL << 53));
    }
}
