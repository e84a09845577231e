namespace LoadLab.Capacity.Model.Buckets;

/// <summary>
/// Per-item buckets at the partition limit, created on first use (docs/capacity-model.md §13): even an isolated item
/// cannot exceed what one partition serves. Instead of a linked-list LRU, a once-per-second sweep
/// drops buckets that have been idle for the eviction time and refilled — such a bucket is
/// indistinguishable from a new one, so dropping it changes nothing but memory. Dropped buckets
/// are pooled, so a steady key set allocates nothing per request.
/// </summary>
internal sealed class ItemBucketTable(double readRate, double writeRate)
{
    private readonly Dictionary<string, ItemBuckets> items = new(StringComparer.Ordinal);
    private readonly Stack<ItemBuckets> pool = new();

    public int Count => items.Count;

    public TokenBucket Get(string itemKey, CapacityDimension dimension, double now)
    {
        if (!items.TryGetValue(itemKey, out var buckets))
        {
            buckets = pool.Count > 0 ? pool.Pop() : new ItemBuckets();
            buckets.Read.Reset(readRate, readRate, readRate, now);
            buckets.Write.Reset(writeRate, writeRate, writeRate, now);
            items.Add(itemKey, buckets);
        }

        buckets.LastUse = now;
        var bucket = dimension == CapacityDimension.Read ? buckets.Read : buckets.Write;
        bucket.Refill(now);
        return bucket;
    }

    /// <summary>Drops idle, refilled buckets.</summary>
    public void Sweep(double now, double idleSeconds)
    {
        if (items.Count == 0)
            return;
        foreach (var (key, buckets) in items)
        {
            if (now - buckets.LastUse >= idleSeconds && buckets.Read.IsFullAt(now) && buckets.Write.IsFullAt(now))
            {
                items.Remove(key);
                pool.Push(buckets);
            }
        }
    }

    private sealed class ItemBuckets
    {
        public TokenBucket Read { get; } = new(0, 0, 0, 0);

        public TokenBucket Write { get; } = new(0, 0, 0, 0);

        public double LastUse { get; set; }
    }
}
