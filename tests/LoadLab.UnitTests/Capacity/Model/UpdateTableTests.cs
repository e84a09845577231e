using LoadLab.Capacity.Model;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>UpdateTable through the model: mode-switch budget, quotas, GSIs added and removed (docs/capacity-model.md §15, §16).</summary>
public sealed class UpdateTableTests
{
    private static readonly TableCapacityDefinition Provisioned = new()
    {
        TableName = "orders",
        Mode = CapacityBillingMode.Provisioned,
        ReadUnits = 100,
        WriteUnits = 100,
    };

    [Fact]
    public void Switching_to_on_demand_is_limited_to_four_times_per_rolling_24_hours()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Provisioned);
        var onDemand = Provisioned with { Mode = CapacityBillingMode.OnDemand };

        for (var i = 0; i < 4; i++)
        {
            Assert.True(harness.Model.UpdateTable(onDemand).Accepted);
            // Back to provisioned is allowed at any time.
            Assert.True(harness.Model.UpdateTable(Provisioned).Accepted);
            harness.Idle(3600);
        }

        var refused = harness.Model.UpdateTable(onDemand);
        Assert.False(refused.Accepted);
        Assert.Equal("LimitExceededException", refused.ErrorType);
        Assert.Contains("at most 4 times per 24 hours", refused.RefusalMessage, StringComparison.Ordinal);
        Assert.Equal(CapacityBillingMode.Provisioned, harness.Model.Describe("orders")!.Mode);

        // 24 h after the first switch, a slot frees up.
        harness.Idle((24 * 3600) - (4 * 3600));
        Assert.True(harness.Model.UpdateTable(onDemand).Accepted);
    }

    [Fact]
    public void Provisioned_units_above_the_per_table_quota_are_refused_and_change_nothing()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Provisioned);

        var refused = harness.Model.UpdateTable(Provisioned with { WriteUnits = 40_001 });

        Assert.False(refused.Accepted);
        Assert.Equal("LimitExceededException", refused.ErrorType);
        Assert.Equal(100, harness.Model.Describe("orders")!.WriteUnits);
    }

    [Fact]
    public void The_account_quota_sums_every_table_and_index()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Provisioned with { TableName = "a", WriteUnits = 40_000 });
        harness.Model.CreateTable(Provisioned with { TableName = "b", WriteUnits = 30_000 });

        Assert.True(harness.Model.UpdateTable(Provisioned with { TableName = "b", WriteUnits = 40_000 }).Accepted);
        var refused = harness.Model.UpdateTable(Provisioned with
        {
            TableName = "b",
            WriteUnits = 39_000,
            GlobalIndexes = [new IndexCapacityDefinition { IndexName = "byStatus", WriteUnits = 2_000 }],
        });

        Assert.False(refused.Accepted);
        Assert.Contains("account maximum", refused.RefusalMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_table_is_not_found()
    {
        var result = new ModelHarness().Model.UpdateTable(Provisioned);

        Assert.False(result.Accepted);
        Assert.Equal("ResourceNotFoundException", result.ErrorType);
    }

    [Fact]
    public void Gsis_are_added_and_removed_and_a_removed_one_keeps_its_numbers()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Provisioned);
        var withIndex = Provisioned with { GlobalIndexes = [new IndexCapacityDefinition { IndexName = "byStatus", ReadUnits = 5, WriteUnits = 5 }] };

        Assert.True(harness.Model.UpdateTable(withIndex).Accepted);
        harness.Model.Settle([ModelHarness.Write("orders", 3, 1, "a", index: "byStatus")]);
        Assert.Equal("byStatus", Assert.Single(harness.Model.Describe("orders")!.GlobalIndexes).IndexName);

        Assert.True(harness.Model.UpdateTable(Provisioned).Accepted);

        Assert.Empty(harness.Model.Describe("orders")!.GlobalIndexes);
        var removed = harness.Model.Snapshot().Resources.Single(r => r.Index == "byStatus");
        Assert.True(removed.Deleted);
        Assert.Equal(3, removed.ConsumedWriteUnits);
    }

    [Fact]
    public void Tick_moves_time_based_work_forward_without_traffic()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Provisioned with
        {
            WriteUnits = 100,
            WriteScaling = new AutoScalingPolicy(0.7, 10, 1000),
        });

        // No traffic at all: every datapoint is low, so auto scaling scales in after 15 of them.
        harness.Time.Advance(TimeSpan.FromMinutes(20));
        harness.Model.Tick();

        Assert.Equal(10, harness.Model.Describe("orders")!.WriteUnits);
    }
}
