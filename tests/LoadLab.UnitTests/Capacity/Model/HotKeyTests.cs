using LoadLab.Capacity.Model;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>docs/capacity-model.md §23 check 2: a 10,000 WCU table (P0 = 10) with every write on one key.</summary>
public sealed class HotKeyTests
{
    private static readonly TableCapacityDefinition Table = new()
    {
        TableName = "orders",
        Mode = CapacityBillingMode.Provisioned,
        WriteUnits = 10_000,
    };

    [Fact]
    public void One_hot_key_throttles_at_the_partition_limit_with_a_key_range_reason_and_never_splits()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);
        Assert.Equal(10, harness.Model.Snapshot().Resources.Single().PartitionCount);

        var hot = ModelHarness.Hash(42);
        var trace = harness.Run(600, 100, _ => [ModelHarness.Write("orders", 15, hot, "CUSTOMER#42")]);

        // Throttling starts once the partition's one second of tokens is spent: the table has plenty of capacity, the key does not.
        Assert.InRange(trace.FirstRefusal!.Value, 0, 2);
        Assert.InRange(trace.ServedPerSecond(5, 600), 990, 1010);
        var cause = Assert.Single(trace.Causes);
        Assert.Equal("TableWriteKeyRangeThroughputExceeded", cause.Reason);
        Assert.Equal(ThrottleLimit.KeyRange, cause.Limit);
        Assert.Equal(CapacityBillingMode.Provisioned, cause.Mode);
        Assert.Null(cause.Index);

        // The partition ran hot for ten minutes, but one key carries all its load: no split.
        var table = harness.Model.Snapshot().Resources.Single();
        Assert.Empty(table.Splits);
        Assert.Equal(10, table.PartitionCount);
        // The throttled key is reported by hash, not by its text.
        var key = Assert.Single(table.TopThrottledKeys);
        Assert.DoesNotContain("CUSTOMER", key.KeyHash, StringComparison.Ordinal);
        Assert.Equal(12, key.KeyHash.Length);
    }

    [Fact]
    public void One_hot_partition_key_with_many_items_splits_inside_the_key_when_the_table_has_no_lsi()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);

        var hot = ModelHarness.Hash(42);
        var trace = harness.Run(300, 100, step => [ModelHarness.Write("orders", 15, hot, "CUSTOMER#42|ORDER#" + (step % 500))]);

        var split = Assert.Single(harness.Model.Snapshot().Resources.Single().Splits);
        Assert.InRange(split.OffsetSeconds, 118, 125);
        Assert.InRange(trace.ServedPerSecond(150, 300), 1490, 1500);
    }

    [Fact]
    public void With_an_lsi_one_partition_key_stays_on_one_partition()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table with { HasLocalIndexes = true });

        var hot = ModelHarness.Hash(42);
        var trace = harness.Run(300, 100, step => [ModelHarness.Write("orders", 15, hot, "CUSTOMER#42|ORDER#" + (step % 500))]);

        Assert.Empty(harness.Model.Snapshot().Resources.Single().Splits);
        Assert.InRange(trace.ServedPerSecond(150, 300), 990, 1010);
    }
}
