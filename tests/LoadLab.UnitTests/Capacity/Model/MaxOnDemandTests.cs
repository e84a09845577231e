using LoadLab.Capacity.Model;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>docs/capacity-model.md §23 check 5: MaxWriteRequestUnits = 500 with 600 WRU/s offered.</summary>
public sealed class MaxOnDemandTests
{
    [Fact]
    public void About_100_units_per_second_are_throttled_with_the_max_on_demand_reason()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "events", Mode = CapacityBillingMode.OnDemand, MaxWriteRequestUnits = 500 });

        var trace = harness.Run(120, 500, step => [ModelHarness.Write("events", 1.2, ModelHarness.Hash(step), "EVENT#" + step)]);

        Assert.InRange(trace.ServedPerSecond(10, 120), 498, 502);
        Assert.InRange(trace.RefusedPerSecond(10, 120), 98, 102);
        var cause = Assert.Single(trace.Causes);
        Assert.Equal("TableWriteMaxOnDemandThroughputExceeded", cause.Reason);
        Assert.Equal(ThrottleLimit.MaxOnDemand, cause.Limit);
        Assert.Equal(CapacityBillingMode.OnDemand, cause.Mode);
        Assert.Equal(500, harness.Model.Snapshot().Resources.Single().CapacityWriteUnitsPerSecond);
    }

    [Fact]
    public void The_per_table_quota_throttles_as_an_account_limit()
    {
        var harness = new ModelHarness(new CapacitySettings { TableQuotaWriteUnitsPerSecond = 3000 });
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "events", Mode = CapacityBillingMode.OnDemand });

        var trace = harness.Run(60, 100, step => [ModelHarness.Write("events", 35, ModelHarness.Hash(step), "EVENT#" + step)]);

        Assert.InRange(trace.ServedPerSecond(5, 60), 2990, 3010);
        var cause = Assert.Single(trace.Causes);
        Assert.Equal("TableWriteAccountLimitExceeded", cause.Reason);
        Assert.Equal(ThrottleLimit.AccountLimit, cause.Limit);
    }
}
