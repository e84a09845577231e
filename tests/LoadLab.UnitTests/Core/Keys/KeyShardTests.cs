using LoadLab.Core.Keys;

namespace LoadLab.UnitTests.Core.Keys;

/// <summary>The slice arithmetic: N shards' slices are disjoint, contiguous and together exactly the whole data set.</summary>
public class KeyShardTests
{
    public static TheoryData<int, long> ShardsAndItems()
    {
        var data = new TheoryData<int, long>();
        for (int shards = 1; shards <= 7; shards++)
        {
            foreach (long items in new long[] { 7, 9, 13, 101, 997, 5001, 999_999 })
                data.Add(shards, items);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShardsAndItems))]
    public void Slices_are_disjoint_and_cover_every_item_exactly_once(int shards, long items)
    {
        var slices = Enumerable.Range(0, shards).Select(i => new KeyShard(i, shards).SliceOf(items)).ToArray();

        Assert.Equal(0, slices[0].Start);
        Assert.Equal(items, slices[^1].End);
        for (int i = 1; i < shards; i++)
            Assert.Equal(slices[i - 1].End, slices[i].Start);
        Assert.Equal(items, slices.Sum(s => s.Count));
        // Balanced: sizes differ by one at most.
        Assert.InRange(slices.Max(s => s.Count) - slices.Min(s => s.Count), 0, 1);
        // Membership, counted item by item on the small sets: every item in exactly one slice.
        if (items <= 5001)
        {
            for (long k = 0; k < items; k++)
                Assert.Equal(1, slices.Count(s => s.Contains(k)));
        }
    }

    [Fact]
    public void One_shard_is_the_whole_data_set()
    {
        Assert.Equal(new KeySlice(0, 12_345), KeyShard.Whole.SliceOf(12_345));
        Assert.Equal("[0, 12345)", KeyShard.Whole.SliceOf(12_345).ToString());
    }

    [Fact]
    public void Huge_data_sets_do_not_overflow()
    {
        const long items = long.MaxValue - 5;
        var last = new KeyShard(999, 1000).SliceOf(items);
        Assert.Equal(items, last.End);
        Assert.InRange(last.Count, (items / 1000) - 1, (items / 1000) + 1);
    }

    [Fact]
    public void More_shards_than_items_leave_some_slices_empty_but_still_cover_the_items()
    {
        var slices = Enumerable.Range(0, 5).Select(i => new KeyShard(i, 5).SliceOf(3)).ToArray();
        Assert.Equal(3, slices.Sum(s => s.Count));
        Assert.Contains(slices, s => s.Count == 0);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 2)]
    [InlineData(2, 2)]
    public void Impossible_positions_are_refused(int index, int count) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new KeyShard(index, count));
}
