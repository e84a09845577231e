using LoadLab.Core.Keys;
using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.Core.Keys;

/// <summary>
/// Each shard draws only from its slice and keeps the distribution's shape there (the same checks as
/// <see cref="KeyDistributionTests"/>, relative to the slice); the hot key stays one global item.
/// </summary>
public class ShardKeyDistributionTests
{
    private const int Samples = 200_000;

    // 301 items in 3 shards: [0, 100), [100, 200), [200, 301).
    private const long Items = 301;
    private static readonly KeyShard Middle = new(1, 3);
    private static readonly KeySlice MiddleSlice = new(100, 100);

    private static IKeyDistribution Create(KeyDistributionPlan plan, KeyShard shard, long items = Items, long seed = 1, Func<long>? newest = null) =>
        ShardKeyDistributions.Create(plan, seed, "scenario", items, shard, newest);

    /// <summary>Counts per slice position; fails on any key outside the slice.</summary>
    private static long[] SliceHistogram(IKeyDistribution keys, KeySlice slice, int samples = Samples)
    {
        var counts = new long[slice.Count];
        for (long s = 0; s < samples; s++)
        {
            long k = keys.Next(s);
            Assert.True(slice.Contains(k), $"key {k} outside {slice}");
            counts[k - slice.Start]++;
        }

        return counts;
    }

    [Fact]
    public void Uniform_stays_in_the_slice_and_passes_a_chi_square_test()
    {
        var counts = SliceHistogram(Create(KeyDistributionPlan.Uniform, Middle), MiddleSlice);
        double expected = Samples / 100.0;
        double chi = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.True(chi < 148, $"chi-square {chi:0.0}");
    }

    [Fact]
    public void Zipfian_clustered_follows_k_to_the_minus_theta_from_the_start_of_the_slice()
    {
        const double theta = 0.99;
        var counts = SliceHistogram(Create(new KeyDistributionPlan("zipfian", Theta: theta, Scrambled: false), Middle), MiddleSlice);
        double norm = Enumerable.Range(1, 100).Sum(k => Math.Pow(k, -theta));
        foreach (int rank in new[] { 1, 2, 3, 10 })
        {
            double expected = Samples * Math.Pow(rank, -theta) / norm;
            double tolerance = Math.Max(5 * Math.Sqrt(expected), 0.02 * expected);
            Assert.True(Math.Abs(counts[rank - 1] - expected) <= tolerance, $"rank {rank}: {counts[rank - 1]} vs {expected:0}");
        }
    }

    [Fact]
    public void Zipfian_scrambled_stays_in_the_slice_and_keeps_the_skew()
    {
        var clustered = SliceHistogram(Create(new KeyDistributionPlan("zipfian", Scrambled: false), Middle), MiddleSlice);
        var scrambled = SliceHistogram(Create(new KeyDistributionPlan("zipfian", Scrambled: true), Middle), MiddleSlice);
        Assert.InRange(scrambled.Max() / (double)clustered.Max(), 0.95, 1.1);
    }

    [Fact]
    public void Hotspot_sends_the_hot_fraction_to_the_hot_set_of_the_slice()
    {
        var counts = SliceHistogram(Create(new KeyDistributionPlan("hotspot", HotSetFraction: 0.1, HotOperationFraction: 0.9), Middle), MiddleSlice);
        Assert.InRange(counts.Take(10).Sum() / (double)Samples, 0.895, 0.905);
        Assert.InRange(counts.Skip(10).Average(), Samples * 0.1 / 90 * 0.95, Samples * 0.1 / 90 * 1.05);
    }

    [Fact]
    public void Sequential_walks_the_slice_in_order()
    {
        var keys = Create(new KeyDistributionPlan("sequential"), new KeyShard(2, 3), items: 10);
        // 10 items in 3 shards: the last slice is [6, 10).
        Assert.Equal(new long[] { 6, 7, 8, 9, 6, 7 }, Enumerable.Range(0, 6).Select(s => keys.Next(s)));
    }

    [Fact]
    public void Latest_favours_the_newest_of_the_slice_then_the_shards_own_inserts()
    {
        // Local indexes: 0–99 are the slice's items, 100 onwards this shard's inserts.
        long newest = 99;
        var keys = Create(new KeyDistributionPlan("latest"), Middle, newest: () => newest);
        var counts = SliceHistogram(keys, MiddleSlice, 50_000);
        Assert.Equal(99, Array.IndexOf(counts, counts.Max()));
        newest = 104;
        var later = Enumerable.Range(0, 50_000).Select(s => keys.Next(s)).ToArray();
        // The newest item is the shard's fifth insert, reported past the data set (Items + 4) for the key space to place.
        Assert.Equal(Items + 4, later.GroupBy(k => k).MaxBy(g => g.Count())!.Key);
        Assert.All(later, k => Assert.True(MiddleSlice.Contains(k) || (k >= Items && k <= Items + 4), $"key {k}"));
    }

    [Fact]
    public void The_hot_key_is_the_same_item_in_every_shard_and_gets_the_same_total_share_as_unsharded()
    {
        const long items = 500;
        var plan = new KeyDistributionPlan("hotkey", HotOperationFraction: 0.3, HotKeyIndex: 42);
        var whole = Create(plan, KeyShard.Whole, items);
        long unsharded = Enumerable.Range(0, Samples).LongCount(s => whole.Next(s) == 42);

        // Three shards each send a third of the operations; item 42 lies in shard 0's slice only.
        long sharded = 0;
        for (int i = 0; i < 3; i++)
        {
            var shard = new KeyShard(i, 3);
            var slice = shard.SliceOf(items);
            var keys = Create(plan, shard, items, seed: 1 + i);
            long hot = 0;
            for (long s = 0; s < Samples / 3; s++)
            {
                long k = keys.Next(s);
                if (k == 42) hot++;
                else Assert.True(slice.Contains(k), $"shard {i}: cold key {k} outside {slice}");
            }

            // Every shard sends 30 % of its operations to item 42, whether or not it lies in its slice.
            Assert.InRange(hot / (Samples / 3.0), 0.29, 0.31 + (1.0 / slice.Count));
            sharded += hot;
        }

        // Sharded or not, item 42 receives the same part of the total: 30 %, plus its uniform share (only shard 0's cold draws can reach it).
        Assert.InRange(sharded / (double)unsharded, 0.96, 1.04);
    }

    [Theory]
    [InlineData("uniform")]
    [InlineData("zipfian")]
    [InlineData("hotspot")]
    [InlineData("latest")]
    [InlineData("sequential")]
    public void Every_distribution_keeps_each_shard_in_its_own_slice(string kind)
    {
        const long items = 1001;
        for (int shards = 1; shards <= 7; shards++)
        {
            for (int i = 0; i < shards; i++)
            {
                var shard = new KeyShard(i, shards);
                var slice = shard.SliceOf(items);
                var keys = Create(new KeyDistributionPlan(kind), shard, items);
                Assert.All(Enumerable.Range(0, 2000).Select(s => keys.Next(s)), k => Assert.True(slice.Contains(k), $"{kind} {i}/{shards}: {k} outside {slice}"));
            }
        }
    }

    [Fact]
    public void A_shard_without_items_is_refused_with_the_counts()
    {
        var e = Assert.Throws<ArgumentException>(() => Create(KeyDistributionPlan.Uniform, new KeyShard(0, 5), items: 3));
        Assert.Contains("fewer than the shards", e.Message);
    }
}
