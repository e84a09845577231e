using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>docs/capacity-model.md §23 check 7: target 70 %, 100 WCU, a step to 200 WCU/s.</summary>
public sealed class AutoScalingTests
{
    private static readonly TableCapacityDefinition Table = new()
    {
        TableName = "orders",
        Mode = CapacityBillingMode.Provisioned,
        ReadUnits = 5,
        WriteUnits = 100,
        WriteScaling = new AutoScalingPolicy(0.7, 100, 1000),
    };

    [Fact]
    public void Scale_out_follows_two_datapoints_the_metric_lag_and_the_update_delay_to_about_286()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);

        harness.Run(400, 100, Puts(2));

        var events = Events(harness);
        var scheduled = Assert.Single(events, e => e.Kind == ScalingKinds.AutoScalingScheduled);
        var applied = Assert.Single(events, e => e.Kind == ScalingKinds.AutoScalingApplied);
        // Minutes 0 and 1 become visible at 120 s and 180 s; the UpdateTable lands 120 s later.
        Assert.Equal(180, scheduled.OffsetSeconds);
        Assert.InRange(applied.OffsetSeconds, 240, 300);
        Assert.Equal(CapacityDimension.Write, applied.Dimension);
        Assert.Equal(100, applied.FromUnits);
        Assert.Equal(286, applied.ToUnits); // ⌈200 / 0.7⌉
        Assert.Equal(286, harness.Model.Describe("orders")!.WriteUnits);
    }

    [Fact]
    public void Scale_in_waits_for_15_minutes_below_target_minus_20_points_and_counts_against_the_daily_budget()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);
        harness.Run(600, 100, Puts(2));
        Assert.Equal(286, harness.Model.Describe("orders")!.WriteUnits);

        // 50 WCU/s is 17 % of 286: minutes 10–24 are all low, the 15th visible at 1,560 s.
        harness.Run(1200, 100, Puts(0.5));

        var events = Events(harness);
        var decrease = Assert.Single(events, e => e.Kind == ScalingKinds.AutoScalingScheduled && e.ToUnits < e.FromUnits);
        Assert.Equal(1560, decrease.OffsetSeconds);
        Assert.Equal(100, decrease.ToUnits); // ⌈50 / 0.7⌉ = 72, clamped to the policy minimum
        Assert.Equal(100, harness.Model.Describe("orders")!.WriteUnits);

        // The auto-scaling decrease used one of the four first-hour decreases: three manual ones remain.
        var describe = harness.Model.Describe("orders")!;
        Assert.True(harness.Model.UpdateTable(describe with { ReadUnits = 4 }).Accepted);
        Assert.True(harness.Model.UpdateTable(describe with { ReadUnits = 3 }).Accepted);
        Assert.True(harness.Model.UpdateTable(describe with { ReadUnits = 2 }).Accepted);
        var refused = harness.Model.UpdateTable(describe with { ReadUnits = 1 });
        Assert.False(refused.Accepted);
        Assert.Equal("LimitExceededException", refused.ErrorType);
        Assert.Contains("Number of decreases today for table orders: 4", refused.RefusalMessage, StringComparison.Ordinal);
        // Increases are never limited.
        Assert.True(harness.Model.UpdateTable(describe with { ReadUnits = 50 }).Accepted);
    }

    [Fact]
    public void A_brief_spike_of_one_datapoint_does_not_scale()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);

        harness.Run(60, 100, Puts(2));
        harness.Run(300, 100, Puts(0.5));

        Assert.DoesNotContain(Events(harness), e => e.Kind == ScalingKinds.AutoScalingScheduled);
    }

    private static IReadOnlyList<ScalingEvent> Events(ModelHarness harness) =>
        harness.Model.Snapshot().Resources.Single(r => r.Index is null).ScalingEvents;

    private static Func<long, IReadOnlyList<Charge>> Puts(double units) =>
        step => [ModelHarness.Write("orders", units, ModelHarness.Hash(step), "ORDER#" + step)];
}
