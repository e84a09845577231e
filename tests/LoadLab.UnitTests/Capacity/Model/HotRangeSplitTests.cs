using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>docs/capacity-model.md §23 check 3: 1,000 keys that all hash to one partition, 1,500 WCU/s.</summary>
public sealed class HotRangeSplitTests
{
    [Fact]
    public void Hot_range_throttles_for_about_split_heat_after_then_the_split_lets_everything_through()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, WriteUnits = 10_000 });

        // Partition 0 of 10 covers the lowest tenth of the hash space.
        var firstPartition = ulong.MaxValue / 10;
        var trace = harness.Run(300, 100, step =>
        {
            var key = step % 1000;
            return [ModelHarness.Write("orders", 15, ModelHarness.Hash(key) % firstPartition, "KEY#" + key)];
        });

        Assert.InRange(trace.FirstRefusal!.Value, 0, 2);
        Assert.Equal("TableWriteKeyRangeThroughputExceeded", Assert.Single(trace.Reasons));
        Assert.InRange(trace.ServedPerSecond(5, 115), 990, 1010);

        var table = harness.Model.Snapshot().Resources.Single();
        var split = Assert.Single(table.Splits);
        Assert.Equal(SplitCauses.Heat, split.Cause);
        Assert.InRange(split.OffsetSeconds, 118, 125);
        Assert.Equal(11, table.PartitionCount);
        Assert.InRange(trace.LastRefusal!.Value, 110, 125);
        Assert.Equal(0, trace.RefusalsBetween(130, 300));
        Assert.InRange(trace.ServedPerSecond(130, 300), 1499, 1501);
    }

    [Fact]
    public void A_cooler_partition_is_never_split()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, WriteUnits = 10_000 });

        // 700 WCU/s is below 80% of the partition limit.
        harness.Run(400, 100, step => [ModelHarness.Write("orders", 7, ModelHarness.Hash(step % 1000) % (ulong.MaxValue / 10), "KEY#" + (step % 1000))]);

        Assert.Empty(harness.Model.Snapshot().Resources.Single().Splits);
    }
}
