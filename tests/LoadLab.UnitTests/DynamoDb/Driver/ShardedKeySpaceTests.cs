using LoadLab.Core.Keys;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.UnitTests.DynamoDb.Driver;

/// <summary>A shard's key space: reads from its slice, inserts that never collide with another shard's, "latest" over its own inserts.</summary>
public class ShardedKeySpaceTests
{
    private const long Items = 1001;

    private static KeySpace Space(string kind, int index, int count) =>
        new(new KeyDistributionPlan(kind), runSeed: 7, "orders", Items, new KeyShard(index, count));

    [Fact]
    public void Shards_insert_disjoint_indexes_that_together_are_the_ones_one_run_would_use()
    {
        var single = new KeySpace(KeyDistributionPlan.Uniform, 7, "orders", Items);
        var unsharded = Enumerable.Range(0, 300).Select(_ => single.ReserveNew()).ToArray();

        var shards = Enumerable.Range(0, 3).Select(i => Space("uniform", i, 3)).ToArray();
        var inserted = shards.Select(s => Enumerable.Range(0, 100).Select(_ => s.ReserveNew()).ToArray()).ToArray();

        Assert.Empty(inserted[0].Intersect(inserted[1]).Concat(inserted[0].Intersect(inserted[2])).Concat(inserted[1].Intersect(inserted[2])));
        Assert.Equal(unsharded, inserted.SelectMany(x => x).Order());
        Assert.All(shards, s => Assert.Equal(single.NewItemsStart, s.NewItemsStart));
    }

    [Fact]
    public void Latest_follows_the_shards_own_inserts()
    {
        var space = Space("latest", 2, 3);
        Assert.Equal(space.Slice.End - 1, space.Newest);
        long first = space.ReserveNew();
        long second = space.ReserveNew();
        space.Inserted(second);

        Assert.Equal(second, space.Newest);
        var drawn = Enumerable.Range(0, 5000).Select(s => space.Next(s)).ToArray();
        Assert.Equal(second, drawn.GroupBy(k => k).MaxBy(g => g.Count())!.Key);
        // The dense range covers both inserts; any other key comes from the slice.
        Assert.All(drawn, k => Assert.True(space.Slice.Contains(k) || k == first || k == second, $"key {k}"));
    }

    [Fact]
    public void Reads_of_a_shard_come_from_its_slice_and_batches_stay_distinct()
    {
        var space = Space("zipfian", 1, 4);
        Assert.Equal(new KeyShard(1, 4).SliceOf(Items), space.Slice);
        for (long s = 0; s < 500; s++)
        {
            var keys = space.Distinct(s, 10);
            Assert.Equal(keys.Length, keys.Distinct().Count());
            Assert.All(keys, k => Assert.True(space.Slice.Contains(k), $"key {k} outside {space.Slice}"));
        }
    }

    [Fact]
    public void The_hot_key_is_read_by_every_shard()
    {
        var plan = new KeyDistributionPlan("hotkey", HotOperationFraction: 0.5, HotKeyIndex: 3);
        foreach (int i in new[] { 0, 1, 2 })
        {
            var space = new KeySpace(plan, 7 + i, "orders", Items, new KeyShard(i, 3));
            Assert.InRange(Enumerable.Range(0, 2000).Count(s => space.Next(s) == 3), 900, 1100);
        }
    }
}
