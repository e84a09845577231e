namespace LoadLab.Core.Keys;

/// <summary>
/// A distribution drawn over a shard's own items, mapped back to the data set: local index j below the slice's
/// count is item Start + j; beyond it, j counts the shard's inserted items, reported as items + (j − count) so the
/// caller can tell them from seeded ones (see the driver's key space, which places them).
/// </summary>
public sealed class SlicedKeys(IKeyDistribution local, KeySlice slice, long items) : IKeyDistribution
{
    public long Next(long sequence) => ToCombined(local.Next(sequence), slice, items);

    /// <summary>The combined index of local index <paramref name="local"/>: a seeded item of the slice, or items + k for the shard's k-th new item.</summary>
    public static long ToCombined(long local, KeySlice slice, long items) =>
        local < slice.Count ? slice.Start + local : items + (local - slice.Count);
}
