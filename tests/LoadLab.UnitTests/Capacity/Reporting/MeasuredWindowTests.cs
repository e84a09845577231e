using LoadLab.Capacity.Model;
using LoadLab.Capacity.Reporting;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Reporting;

/// <summary>
/// The simulator section of a run covers the measured window only: seeding and warm-up traffic (which
/// may throttle heavily) are reported in their own phases and never reach the window's figures.
/// </summary>
public sealed class MeasuredWindowTests
{
    private static readonly TableCapacityDefinition Table = new() { TableName = "orders", Mode = CapacityBillingMode.Provisioned, WriteUnits = 10_000 };

    [Fact]
    public void Seeding_and_warm_up_traffic_stay_out_of_the_window_figures()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);
        var hot = ModelHarness.Hash(7);
        // Seeding: 1,500 WCU/s on one partition key, past its 1,000 limit, for 5 s.
        harness.Run(5, 100, step => [ModelHarness.Write("orders", 15, hot, "T#7|ORDER#" + step)]);
        var loadStart = harness.Time.GetUtcNow();
        // Warm-up (2 s) and measured load (10 s): 100 WCU/s spread over many keys, far below every limit.
        harness.Run(12, 100, step => [ModelHarness.Write("orders", 1, ModelHarness.Hash(1000 + step), "k" + step)]);

        var section = SimulatorSectionBuilder.Build(harness.Model.Snapshot(), harness.Model.Settings, null, new MeasuredWindow(loadStart, 2, 12));

        var orders = Assert.Single(section.Resources);
        Assert.Equal(0, orders.ThrottledRequests);
        Assert.Empty(orders.ThrottleEventsByReason);
        Assert.Empty(orders.TopThrottledKeys);
        Assert.All(orders.Seconds, s => Assert.InRange(s.Offset + (s.Length / 2.0), 2, 12));
        Assert.Equal(10, orders.Seconds.Sum(s => s.Length));
        Assert.Equal(1_000, orders.ConsumedWriteUnits, 1);
        Assert.All(orders.Seconds, s => Assert.Null(s.ThrottledKeys));

        var seeding = Assert.Single(section.Seeding, p => p.Phase == MeasuredWindow.Seeding);
        Assert.True(seeding.ThrottledRequests > 0, "the seeding burst throttled");
        Assert.True(seeding.ConsumedWriteUnits >= 5 * 990, $"seeding consumed {seeding.ConsumedWriteUnits}");
        Assert.Contains("TableWriteKeyRangeThroughputExceeded", seeding.ThrottleEventsByReason.Keys);
        var warmup = Assert.Single(section.Seeding, p => p.Phase == MeasuredWindow.Warmup);
        Assert.Equal(200, warmup.ConsumedWriteUnits, 1);
        Assert.Equal(0, warmup.ThrottledRequests);
        Assert.Equal(2, section.Window!.From);
    }

    [Fact]
    public void Hot_keys_are_counted_by_partition_key_not_by_item()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table with { HasLocalIndexes = true });
        var loadStart = harness.Time.GetUtcNow();
        // One tenant's orders: many items, one partition key, 1,500 WCU/s against its 1,000 limit.
        harness.Run(10, 100, step => [ModelHarness.Write("orders", 15, ModelHarness.Hash(42), "TENANT#42|ORDER#" + (step % 500))]);

        var section = SimulatorSectionBuilder.Build(harness.Model.Snapshot(), harness.Model.Settings, null, new MeasuredWindow(loadStart, 0, 10));

        var orders = Assert.Single(section.Resources);
        var key = Assert.Single(orders.TopThrottledKeys);
        Assert.Equal(orders.ThrottleEventsByReason.Values.Sum(), key.ThrottleEvents);
        // The hottest partition ran at its limit: the per-partition figures say so where the table total (1,000 of 10,000) does not.
        Assert.Contains(orders.Seconds, s => s.HotPartitionWrite >= 990 && s.PartitionShares!.Max() >= 0.99);
        Assert.Equal(1_000, orders.PartitionLimitWriteUnits);
    }
}
