namespace LoadLab.Core.Keys;

/// <summary>
/// Shard <see cref="Index"/> (0-based) of <see cref="Count"/>: which part of every data set's items this process
/// seeds and targets. Contiguous slices rather than index mod N, so a slice is one range to state, seed in whole
/// batches and check; item k is still generated from (seed, k) alone, whichever shard writes it.
/// </summary>
public readonly record struct KeyShard
{
    public KeyShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>The unsharded run: one slice holding every item.</summary>
    public static KeyShard Whole { get; } = new(0, 1);

    public int Index { get; }

    public int Count { get; }

    /// <summary>
    /// This shard's items of a data set of <paramref name="items"/>: [⌊i·M/N⌋, ⌊(i+1)·M/N⌋). Slices differ in size by
    /// at most one, and the end of slice i is the start of slice i+1, so the slices cover every item exactly once.
    /// </summary>
    public KeySlice SliceOf(long items)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(items);
        long start = Boundary(items, Index);
        return new KeySlice(start, Boundary(items, Index + 1) - start);
    }

    // ⌊i·M/N⌋ without overflowing i·M: M = q·N + r gives i·q + ⌊i·r/N⌋, and i·r < N² ≤ 10⁶.
    private long Boundary(long items, int index) =>
        (index * (items / Count)) + (index * (items % Count) / Count);
}
