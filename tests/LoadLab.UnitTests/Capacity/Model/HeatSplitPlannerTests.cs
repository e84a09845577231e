using LoadLab.Capacity.Model.Partitions;
using LoadLab.Capacity.Model.Sketches;

namespace LoadLab.UnitTests.Capacity.Model;

public sealed class HeatSplitPlannerTests
{
    [Fact]
    public void A_dominant_key_prevents_the_split()
    {
        var heat = new SpaceSavingSummary(8);
        heat.Add(RoutingKey.Of(10, 1), 60);
        heat.Add(RoutingKey.Of(20, 1), 40);

        Assert.Equal(HeatSplitOutcome.DominantKey, HeatSplitPlanner.Plan(heat, UInt128.Zero, UInt128.MaxValue, allowWithinKey: true, 0.5, out _));
    }

    [Fact]
    public void The_split_falls_at_the_load_weighted_median_between_partition_keys()
    {
        var heat = new SpaceSavingSummary(8);
        heat.Add(RoutingKey.Of(10, 1), 30);
        heat.Add(RoutingKey.Of(20, 1), 20);
        heat.Add(RoutingKey.Of(30, 1), 25);
        heat.Add(RoutingKey.Of(40, 1), 25);

        Assert.Equal(HeatSplitOutcome.Split, HeatSplitPlanner.Plan(heat, UInt128.Zero, UInt128.MaxValue, allowWithinKey: true, 0.5, out var boundary));
        Assert.Equal(RoutingKey.Of(30, 0), boundary);
    }

    [Fact]
    public void Many_items_of_one_partition_key_split_inside_it_only_without_lsi()
    {
        var heat = new SpaceSavingSummary(8);
        for (ulong item = 1; item <= 4; item++)
            heat.Add(RoutingKey.Of(10, item * 1000), 25);

        Assert.Equal(HeatSplitOutcome.Split, HeatSplitPlanner.Plan(heat, UInt128.Zero, UInt128.MaxValue, allowWithinKey: true, 0.5, out var boundary));
        Assert.Equal(RoutingKey.Of(10, 3000), boundary);

        var byPartitionKey = new SpaceSavingSummary(8);
        byPartitionKey.Add(RoutingKey.Of(10, 0), 100);
        Assert.Equal(HeatSplitOutcome.DominantKey, HeatSplitPlanner.Plan(byPartitionKey, UInt128.Zero, UInt128.MaxValue, allowWithinKey: false, 0.5, out _));
    }

    [Fact]
    public void Space_saving_keeps_any_key_above_one_kth_of_the_load()
    {
        var summary = new SpaceSavingSummary(4);
        for (var i = 0; i < 1000; i++)
        {
            summary.Add(RoutingKey.Of((ulong)i, 0), 1);
            summary.Add(RoutingKey.Of(99_999, 0), 1);
        }

        var top = summary.ByWeight()[0];
        Assert.Equal(RoutingKey.Of(99_999, 0), top.Key);
        Assert.InRange(top.Weight, 1000, 1000 + (2000 / 4));
        Assert.Equal(2000, summary.Total);
    }
}
