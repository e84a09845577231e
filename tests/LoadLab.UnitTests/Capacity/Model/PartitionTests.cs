using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Model.Partitions;
using LoadLab.Capacity.Model.Settings;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>M2 partition layout: P0, doubling, size splits, never merging; M1 legacy partitions.</summary>
public sealed class PartitionTests
{
    private static readonly CapacitySettings Settings = new();

    [Theory]
    [InlineData(100, 100, 1)]
    [InlineData(5000, 2000, 4)] // the 2017 example
    [InlineData(0, 10_000, 10)]
    [InlineData(3000, 1000, 2)]
    public void Provisioned_p0_follows_the_2017_formula(double read, double write, int expected)
    {
        Assert.Equal(expected, PartitionCounts.Provisioned(Settings, read, write, 0, null, null));
    }

    [Fact]
    public void Storage_and_warm_throughput_can_raise_p0()
    {
        Assert.Equal(3, PartitionCounts.Provisioned(Settings, 1, 1, 25L * 1024 * 1024 * 1024, null, null));
        Assert.Equal(10, PartitionCounts.Provisioned(Settings, 1, 1, 0, 30_000, 10_000));
        Assert.Equal(4, PartitionCounts.OnDemand(Settings, 12_000, 4_000, 0, null, null));
    }

    [Fact]
    public void Raising_provisioned_throughput_doubles_partitions_and_lowering_it_never_merges()
    {
        var harness = new ModelHarness();
        var table = new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, ReadUnits = 5000, WriteUnits = 2000 };
        harness.Model.CreateTable(table);
        Assert.Equal(4, Partitions(harness));

        Assert.True(harness.Model.UpdateTable(table with { WriteUnits = 6000 }).Accepted);
        Assert.Equal(8, Partitions(harness));
        var split = Assert.Single(harness.Model.Snapshot().Resources.Single().Splits);
        Assert.Equal(SplitCauses.Throughput, split.Cause);

        Assert.True(harness.Model.UpdateTable(table with { WriteUnits = 100 }).Accepted);
        Assert.Equal(8, Partitions(harness));
    }

    [Fact]
    public void A_table_outgrowing_its_partitions_splits_for_size()
    {
        var harness = new ModelHarness(new CapacitySettings { PartitionMaxBytes = 1000 });
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, ReadUnits = 1, WriteUnits = 1 });

        harness.Model.RecordStoredBytes("orders", 3500);

        Assert.Equal(4, Partitions(harness));
        Assert.Equal(SplitCauses.Size, Assert.Single(harness.Model.Snapshot().Resources.Single().Splits).Cause);
        Assert.Equal(3500, harness.Model.Snapshot().Resources.Single().StoredBytes);
    }

    [Fact]
    public void Equal_ranges_cover_the_key_space_on_partition_key_boundaries()
    {
        var lows = PartitionLayout.EqualLows(3);

        Assert.Equal(UInt128.Zero, lows[0]);
        Assert.All(lows, low => Assert.Equal(0UL, RoutingKey.ItemPart(low)));
        Assert.Equal(ulong.MaxValue / 3, RoutingKey.PartitionPart(lows[1]), 1UL);
    }

    [Fact]
    public void A_midpoint_stays_between_partition_keys_unless_the_range_is_inside_one()
    {
        Assert.Equal(RoutingKey.Of(1UL << 63, 0), PartitionLayout.Midpoint(UInt128.Zero, UInt128.MaxValue));
        var inside = PartitionLayout.Midpoint(RoutingKey.Of(7, 0), RoutingKey.Of(7, ulong.MaxValue));
        Assert.Equal(7UL, RoutingKey.PartitionPart(inside!.Value));
        Assert.NotEqual(0UL, RoutingKey.ItemPart(inside.Value));
        Assert.Null(PartitionLayout.Midpoint(RoutingKey.Of(7, 5), RoutingKey.Of(7, 5)));
    }

    [Fact]
    public void Legacy_partitions_each_get_their_share_of_provisioned_capacity_with_burst()
    {
        // 4 partitions of a 4,000 WCU table: 1,000 each, and one hot partition cannot borrow from the others.
        var harness = new ModelHarness(CapacityPresets.Get(CapacityPresets.LegacyNoAdaptive) with { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, WriteUnits = 400 });
        Assert.Equal(1, Partitions(harness));
        Assert.True(harness.Model.UpdateTable(harness.Model.Describe("orders")! with { WriteUnits = 4000 }).Accepted);
        Assert.Equal(4, Partitions(harness));
        harness.Idle(1);

        var trace = harness.Run(60, 100, step => [ModelHarness.Write("orders", 15, ModelHarness.Hash(step) % (ulong.MaxValue / 4), "K" + step)]);

        Assert.InRange(trace.ServedPerSecond(10, 60), 990, 1010);
        Assert.Equal("TableWriteKeyRangeThroughputExceeded", Assert.Single(trace.Reasons));
    }

    [Fact]
    public void Adaptive_capacity_lets_a_hot_partition_use_up_to_the_partition_limit()
    {
        // The documented example: 400 WCU on 4 partitions, one hot partition serves 150 WCU.
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, WriteUnits = 4000 });
        Assert.True(harness.Model.UpdateTable(harness.Model.Describe("orders")! with { WriteUnits = 400 }).Accepted);
        harness.Idle(1);

        var trace = harness.Run(60, 100, step => [ModelHarness.Write("orders", 1.5, ModelHarness.Hash(step) % (ulong.MaxValue / 4), "K" + step)]);

        Assert.Equal(0, trace.RefusalsBetween(0, 60));
        Assert.InRange(trace.ServedPerSecond(1, 60), 149, 151);
    }

    private static int Partitions(ModelHarness harness) => harness.Model.Snapshot().Resources.Single().PartitionCount;
}
