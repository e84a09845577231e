using LoadLab.Core.Plans;

namespace LoadLab.Core.Keys;

/// <summary>
/// A scenario's key distribution for one shard: the same distribution, drawn over the shard's slice of the items,
/// so the shards target disjoint keys and each keeps the shape (zipfian, hotspot, sequential within the slice,
/// latest over the shard's own inserts). The exception is the hot key: it stays the same item in every shard, so the
/// rate against it is the planned fraction of the total rate, sharded or not; only the cold draws are sliced.
/// </summary>
public static class ShardKeyDistributions
{
    /// <param name="items">Items of the whole data set.</param>
    /// <param name="newestLocal">For "latest": the shard's newest local index (slice items, then its inserts in order); null means its seeded items only.</param>
    /// <returns>Combined indexes: a seeded item index below <paramref name="items"/>, items + k for the shard's k-th new item.</returns>
    public static IKeyDistribution Create(KeyDistributionPlan plan, long seed, string scenarioName, long items, KeyShard shard, Func<long>? newestLocal = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (shard.Count == 1)
            return KeyDistributions.Create(plan, seed, scenarioName, items, newestLocal);
        var slice = shard.SliceOf(items);
        if (slice.Count < 1)
            throw new ArgumentException($"Shard {shard.Index} of {shard.Count} has no items: the data set holds {items}, fewer than the shards. Use at most {items} shards or more items.", nameof(shard));
        if (plan.Kind == "hotkey")
        {
            var stream = new KeyStream(seed, scenarioName);
            var cold = new SlicedKeys(new UniformKeys(stream, slice.Count), slice, items);
            return new HotKeyKeys(stream, Math.Clamp(plan.HotKeyIndex, 0, items - 1), plan.HotOperationFraction, cold);
        }

        return new SlicedKeys(KeyDistributions.Create(plan, seed, scenarioName, slice.Count, newestLocal), slice, items);
    }
}
