using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>docs/capacity-model.md §23 check 6: table 1,000 WCU, GSI 10 WCU, 100 puts/s of indexed 1 KB items.</summary>
public sealed class GsiBackPressureTests
{
    private static readonly TableCapacityDefinition Table = new()
    {
        TableName = "orders",
        Mode = CapacityBillingMode.Provisioned,
        WriteUnits = 1000,
        GlobalIndexes = [new IndexCapacityDefinition { IndexName = "byStatus", WriteUnits = 10 }],
    };

    [Fact]
    public void Writes_throttle_at_the_gsi_rate_and_the_table_write_is_rejected_too()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);
        harness.Idle(1);

        var trace = harness.Run(120, 100, IndexedPut);

        // ~10 of 100 puts per second pass; the table, with 100× the capacity, takes only those.
        Assert.InRange(trace.ServedPerSecond(10, 120), 9.5, 10.5);
        var cause = Assert.Single(trace.Causes);
        Assert.Equal("IndexWriteProvisionedThroughputExceeded", cause.Reason);
        Assert.Equal("byStatus", cause.Index);
        Assert.Equal("orders", cause.Table);
        Assert.Equal(ThrottleLimit.Provisioned, cause.Limit);

        var resources = harness.Model.Snapshot().Resources;
        var table = resources.Single(r => r.Index is null);
        var index = resources.Single(r => r.Index == "byStatus");
        Assert.InRange(table.ConsumedWriteUnits / 121, 9.5, 10.5);
        Assert.InRange(index.WriteThrottleEvents / 120.0, 85, 95);
        // One throttled request per refused put, counted on the table as CloudWatch does.
        Assert.Equal(table.ThrottledRequests, index.WriteThrottleEvents);
        Assert.Equal(0, table.WriteThrottleEvents);
    }

    [Fact]
    public void The_gsi_burst_carries_the_first_half_minute()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);

        var trace = harness.Run(120, 100, IndexedPut);

        // 3,000 burst units on the GSI drain at 90/s.
        Assert.InRange(trace.FirstRefusal!.Value, 32, 35);
        Assert.InRange(trace.ServedPerSecond(60, 120), 9.5, 10.5);
    }

    [Fact]
    public void Index_charges_are_checked_before_table_charges_and_both_refusals_are_reported()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);

        // Cold buckets hold nothing at the start, so both the GSI and the table refuse.
        var admission = harness.Model.Admit(IndexedPut(999));

        Assert.False(admission.Admitted);
        Assert.Equal(new[] { "IndexWriteProvisionedThroughputExceeded", "TableWriteProvisionedThroughputExceeded" }, admission.Causes.Select(c => c.Reason));
    }

    private static IReadOnlyList<Charge> IndexedPut(long step) =>
    [
        ModelHarness.Write("orders", 1, ModelHarness.Hash(step), "ORDER#" + step),
        ModelHarness.Write("orders", 1, ModelHarness.Hash(step % 3), "ORDER#" + step, index: "byStatus"),
    ];
}
