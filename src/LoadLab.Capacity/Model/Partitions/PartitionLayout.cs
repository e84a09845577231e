namespace LoadLab.Capacity.Model.Partitions;

/// <summary>
/// The ordered key ranges of one table or index (docs/capacity-model.md §12). Ranges cover the whole key space, so the
/// first starts at zero and each ends just before the next one's <see cref="Partition.Low"/>.
/// Partitions are only ever added (splits); DynamoDB never merges them.
/// </summary>
internal sealed class PartitionLayout
{
    private const double KeySpace = 340282366920938463463374607431768211456.0; // 2^128

    private readonly List<Partition> partitions = [];

    public int Count => partitions.Count;

    /// <summary>True once a split has cut inside one partition key; routing then needs the item hash.</summary>
    public bool HasWithinKeyBoundaries { get; private set; }

    public Partition this[int index] => partitions[index];

    public void Reset(IEnumerable<Partition> ordered)
    {
        partitions.Clear();
        partitions.AddRange(ordered);
        HasWithinKeyBoundaries = partitions.Exists(p => RoutingKey.ItemPart(p.Low) != 0);
    }

    /// <summary>The partition whose range holds <paramref name="key"/> (binary search, no allocation).</summary>
    public Partition Route(UInt128 key)
    {
        int low = 0, high = partitions.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) >> 1;
            if (partitions[middle].Low <= key)
                low = middle;
            else
                high = middle - 1;
        }

        return partitions[low];
    }

    public int IndexOf(Partition partition) => partitions.IndexOf(partition);

    /// <summary>Last key of the range at <paramref name="index"/> (inclusive).</summary>
    public UInt128 HighOf(int index) => index + 1 < partitions.Count ? partitions[index + 1].Low - 1 : UInt128.MaxValue;

    /// <summary>Share of the key space the range covers (for the legacy even split of provisioned capacity).</summary>
    public double FractionOf(int index) => ((double)(HighOf(index) - partitions[index].Low) + 1) / KeySpace;

    /// <summary>Inserts a new right-hand partition starting at <paramref name="right"/>.Low after <paramref name="index"/>.</summary>
    public void InsertAfter(int index, Partition right)
    {
        partitions.Insert(index + 1, right);
        if (RoutingKey.ItemPart(right.Low) != 0)
            HasWithinKeyBoundaries = true;
    }

    /// <summary>Lows of <paramref name="count"/> equal ranges, on partition-key boundaries.</summary>
    public static UInt128[] EqualLows(int count)
    {
        var lows = new UInt128[count];
        for (var i = 0; i < count; i++)
            lows[i] = RoutingKey.Of((ulong)(((UInt128)(ulong)i << 64) / (ulong)count), 0);
        return lows;
    }

    /// <summary>
    /// The middle of [low, high] for an even split: on a partition-key boundary when the range
    /// spans more than one key, else inside the key; null when the range cannot be split.
    /// </summary>
    public static UInt128? Midpoint(UInt128 low, UInt128 high)
    {
        if (high <= low)
            return null;
        var lowKey = RoutingKey.PartitionPart(low);
        var highKey = RoutingKey.PartitionPart(high);
        if (highKey > lowKey)
            return RoutingKey.Of(lowKey + ((highKey - lowKey) / 2) + 1, 0);
        return low + ((high - low) / 2) + 1;
    }
}
