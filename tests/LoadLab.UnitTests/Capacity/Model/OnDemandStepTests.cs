using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.Capacity.Model.Settings;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>docs/capacity-model.md §23 check 4: a new on-demand table hit by an instant 8,000 WRU/s.</summary>
public sealed class OnDemandStepTests
{
    private static readonly TableCapacityDefinition Table = new() { TableName = "events", Mode = CapacityBillingMode.OnDemand };

    [Fact]
    public void Only_4000_is_served_until_the_peak_lag_after_a_full_minute_at_4000_then_all_8000()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);
        Assert.Equal(4, harness.Model.Snapshot().Resources.Single().PartitionCount);

        var trace = harness.Run(2200, 100, Spread(80));

        // The ceiling bucket holds one second of capacity, so throttling starts in the second second.
        Assert.InRange(trace.FirstRefusal!.Value, 0, 1);
        Assert.InRange(trace.ServedPerSecond(60, 1800), 3980, 4020);
        var cause = Assert.Single(trace.Causes);
        Assert.Equal("TableWriteKeyRangeThroughputExceeded", cause.Reason);
        Assert.Equal(ThrottleLimit.KeyRange, cause.Limit);
        Assert.Equal(CapacityBillingMode.OnDemand, cause.Mode);

        // Minute 0 ended at 60 s with 4,000/s served: after the 30-minute lag the ceiling doubles.
        var table = harness.Model.Snapshot().Resources.Single();
        var step = Assert.Single(table.ScalingEvents, e => e.Kind == ScalingKinds.OnDemandCeiling);
        Assert.Equal(60 + 1800, step.OffsetSeconds);
        Assert.Equal(4000, step.FromUnits);
        Assert.Equal(8000, step.ToUnits);
        Assert.Equal(8000, table.CapacityWriteUnitsPerSecond);
        Assert.True(table.PartitionCount >= 8);
        Assert.Equal(0, trace.RefusalsBetween(2100, 2200));
        Assert.InRange(trace.ServedPerSecond(2100, 2200), 7999, 8001);
    }

    [Fact]
    public void The_optimistic_preset_doubles_after_two_minutes()
    {
        var harness = new ModelHarness(CapacityPresets.Get(CapacityPresets.Optimistic));
        harness.Model.CreateTable(Table);

        var trace = harness.Run(400, 100, Spread(80));

        // 4,000 → 8,000 two minutes after minute 0; minute 3 (after the step) doubles again two minutes later,
        // to about 16,000: a little less while uneven heat-split partitions still throttle some keys.
        var steps = harness.Model.Snapshot().Resources.Single().ScalingEvents.Where(e => e.Kind == ScalingKinds.OnDemandCeiling).ToList();
        Assert.Equal(60 + 120, steps[0].OffsetSeconds);
        Assert.Equal(8000, steps[0].ToUnits);
        Assert.Equal(240 + 120, steps[1].OffsetSeconds);
        Assert.InRange(steps[1].ToUnits, 15_000, 16_000);
        Assert.Equal(0, trace.RefusalsBetween(330, 400));
    }

    [Fact]
    public void A_short_spike_whose_minute_average_stays_below_the_previous_peak_does_not_raise_it()
    {
        var harness = new ModelHarness(CapacityPresets.Get(CapacityPresets.Optimistic));
        harness.Model.CreateTable(Table);

        // 20 s at 8,000 offered (~4,000 served) averages ~1,400/s over the minute: below the initial peak of 2,000.
        harness.Run(20, 100, Spread(80));
        harness.Idle(600);

        Assert.DoesNotContain(harness.Model.Snapshot().Resources.Single().ScalingEvents, e => e.Kind == ScalingKinds.OnDemandCeiling);
    }

    [Fact]
    public void Warm_throughput_raises_the_instant_capacity()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table with { WarmWriteUnitsPerSecond = 10_000 });

        var trace = harness.Run(200, 100, Spread(70));

        Assert.Equal(10_000, harness.Model.Describe("events")!.WarmWriteUnitsPerSecond);
        Assert.Equal(0, trace.RefusalsBetween(150, 200));
    }

    [Fact]
    public void A_table_switched_from_provisioned_starts_from_half_its_provisioned_level()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table with { Mode = CapacityBillingMode.Provisioned, WriteUnits = 12_000 });

        var result = harness.Model.UpdateTable(Table);

        Assert.True(result.Accepted);
        var table = harness.Model.Snapshot().Resources.Single();
        Assert.Equal(CapacityBillingMode.OnDemand, table.Mode);
        Assert.Equal(12_000, table.CapacityWriteUnitsPerSecond);
        // Never below the new-table level.
        Assert.Equal(12_000, table.CapacityReadUnitsPerSecond);
    }

    private static Func<long, IReadOnlyList<Charge>> Spread(double units) =>
        step => [ModelHarness.Write("events", units, ModelHarness.Even(step), "EVENT#" + step)];
}
