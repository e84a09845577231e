using LoadLab.Core.Execution;
using LoadLab.Core.Keys;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// Which items a scenario's operations target: the scenario's key distribution over the seeded items, plus the
/// items its inserting writes (<c>new: true</c>) add, whose newest one the "latest" distribution follows.
/// </summary>
/// <remarks>
/// New items live in a region of their own per scenario, so two scenarios inserting into one table never write the
/// same key. The distribution sees one dense range (seeded items, then this scenario's new ones in order), which keeps
/// "latest" drawing existing items; <see cref="Next"/> maps a draw beyond the seeded items into the region.
/// A shard (<see cref="KeyShard"/>) draws from its slice of the seeded items and inserts every N-th index of the
/// region (index ≡ i mod N), so shards never insert the same key and together fill the region as one run would.
/// </remarks>
internal sealed class KeySpace
{
    // Room for 2^32 new items per scenario, in one of 4,096 regions chosen by the scenario's name.
    private const long RegionSize = 1L << 32;
    private const int Regions = 4096;

    // Batches and transactions draw their keys from sub-sequences: arrival s uses s * size + j, so a sequential
    // distribution hands out consecutive items; a repeated key is redrawn from a disjoint range (bit 62 set).
    private const long RedrawRegion = 1L << 62;
    private const int RedrawsPerKey = 4;

    private readonly IKeyDistribution distribution;
    private readonly KeyShard shard;
    private long reserved;

    // Highest index of the shard's dense range known to exist: the last item of its slice, or its newest inserted one.
    private long newestDense;

    public KeySpace(KeyDistributionPlan plan, long runSeed, string scenarioName, long seededItems, KeyShard? shard = null)
    {
        this.shard = shard ?? KeyShard.Whole;
        SeededItems = seededItems;
        Slice = this.shard.SliceOf(seededItems);
        NewItemsStart = seededItems + ((long)(DeterministicHash.Of("new-items:" + scenarioName) % Regions) * RegionSize);
        newestDense = Slice.Count - 1;
        distribution = ShardKeyDistributions.Create(plan, runSeed, scenarioName, seededItems, this.shard, () => Volatile.Read(ref newestDense));
    }

    public long SeededItems { get; }

    /// <summary>The seeded items this key space draws from: all of them unless sharded.</summary>
    public KeySlice Slice { get; }

    /// <summary>Item index of this scenario's first new item.</summary>
    public long NewItemsStart { get; }

    /// <summary>Item index of the newest item known to exist: the last seeded one until inserts add more.</summary>
    public long Newest => ToItem(SlicedKeys.ToCombined(Volatile.Read(ref newestDense), Slice, SeededItems));

    public long Next(long sequence) => ToItem(distribution.Next(sequence));

    /// <summary>An index for a new item. Dense within the region, so "latest" finds an item at (almost) every draw.</summary>
    public long ReserveNew() => NewItemFor(Interlocked.Increment(ref reserved) - 1);

    /// <summary>Records that the new item <paramref name="index"/> (from <see cref="ReserveNew"/>) now exists.</summary>
    public void Inserted(long index)
    {
        long dense = Slice.Count + ((index - NewItemsStart - shard.Index) / shard.Count);
        long seen = Volatile.Read(ref newestDense);
        while (dense > seen)
        {
            long was = Interlocked.CompareExchange(ref newestDense, dense, seen);
            if (was == seen)
                return;
            seen = was;
        }
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct item indexes for one arrival: batch and transaction requests refuse
    /// the same key twice. Fewer only when the distribution keeps repeating itself (a tiny or very hot key space).
    /// </summary>
    public long[] Distinct(long sequence, int count)
    {
        var picked = new HashSet<long>(count);
        var result = new List<long>(count);
        long first = unchecked(sequence * count);
        for (int j = 0; j < count; j++)
        {
            long draw = first + j;
            for (int redraw = 0; redraw <= RedrawsPerKey; redraw++)
            {
                long index = Next(redraw == 0 ? draw : Redraw(draw, redraw));
                if (picked.Add(index))
                {
                    result.Add(index);
                    break;
                }
            }
        }

        return [.. result];
    }

    // Combined indexes (from the distribution): seeded items as they are, SeededItems + k for the shard's k-th new item.
    private long ToItem(long combined) => combined < SeededItems ? combined : NewItemFor(combined - SeededItems);

    private long NewItemFor(long k) => NewItemsStart + (k * shard.Count) + shard.Index;

    // Kept positive: the sequential distribution takes the sequence modulo the item count.
    private static long Redraw(long draw, int redraw) =>
        (unchecked((draw * RedrawsPerKey) + redraw) & (RedrawRegion - 1)) | RedrawRegion;
}
