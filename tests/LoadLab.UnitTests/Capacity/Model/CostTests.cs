using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Cost;
using LoadLab.Capacity.Model.Metrics;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>docs/capacity-model.md §23 check 8 and the other cost formulas of §19.</summary>
public sealed class CostTests
{
    private static readonly CapacitySettings Prices = new();

    [Fact]
    public void A_million_1_kb_puts_on_demand_cost_0_625_dollars()
    {
        Assert.Equal(0.625, CapacityCost.OnDemand(0, 1_000_000, Prices), 9);
    }

    [Fact]
    public void The_same_puts_in_transactions_cost_1_25_dollars()
    {
        Assert.Equal(1.25, CapacityCost.OnDemand(0, 2 * 1_000_000, Prices), 9);
    }

    [Fact]
    public void Ten_million_eventually_consistent_4_kb_reads_cost_0_625_dollars()
    {
        Assert.Equal(0.625, CapacityCost.OnDemand(10_000_000 * 0.5, 0, Prices), 9);
    }

    [Fact]
    public void The_model_trace_prices_settled_units_and_not_throttled_ones()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "events", Mode = CapacityBillingMode.OnDemand });
        // A million 1 KB puts and ten million EC 4 KB reads, settled in batches of 10,000 requests.
        for (var i = 0; i < 100; i++)
        {
            harness.Model.Settle(
            [
                ModelHarness.Write("events", 10_000, ModelHarness.Hash(i), "E" + i),
                ModelHarness.Read("events", 50_000, ModelHarness.Hash(i), "E" + i),
            ]);
            harness.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var cost = CapacityCost.Estimate(harness.Model.Snapshot(), Prices);

        var table = Assert.Single(cost.Resources);
        Assert.Equal(0.625 + 0.625, table.OnDemandDollars, 9);
        Assert.Equal(0, table.ProvisionedDollars);
        Assert.Equal(table.OnDemandDollars, table.TotalDollars, 9);
    }

    [Fact]
    public void Provisioned_capacity_is_billed_per_clock_hour_at_its_maximum()
    {
        CapacityHour[] hours =
        [
            new() { Start = ModelHarness.Start, OffsetSeconds = 0, ProvisionedSeconds = 3600, MaxProvisionedReadUnits = 100, MaxProvisionedWriteUnits = 100, ProvisionedReadUnitHours = 100, ProvisionedWriteUnitHours = 100 },
            new() { Start = ModelHarness.Start.AddHours(1), OffsetSeconds = 3600, ProvisionedSeconds = 600, MaxProvisionedReadUnits = 100, MaxProvisionedWriteUnits = 286, ProvisionedReadUnitHours = 100 / 6.0, ProvisionedWriteUnitHours = 286 / 6.0 },
        ];

        Assert.Equal((200 * 0.00013) + (386 * 0.00065), CapacityCost.ProvisionedPerClockHour(hours, Prices), 9);
        Assert.Equal(((100 + (100 / 6.0)) * 0.00013) + ((100 + (286 / 6.0)) * 0.00065), CapacityCost.ProvisionedIntegrated(hours, Prices), 9);
    }

    [Fact]
    public void Provisioned_table_hours_come_from_the_model_including_scaling_within_the_hour()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders", Mode = CapacityBillingMode.Provisioned, ReadUnits = 100, WriteUnits = 100 });
        harness.Idle(1800);
        var describe = harness.Model.Describe("orders")!;
        Assert.True(harness.Model.UpdateTable(describe with { WriteUnits = 400 }).Accepted);
        harness.Idle(5400);

        var cost = Assert.Single(CapacityCost.Estimate(harness.Model.Snapshot(), Prices).Resources);

        // Hour 0 peaks at 400 WCU, hour 1 holds 400 WCU; half an hour at 100 then 400 integrates to 250 + 400.
        Assert.Equal(2 * ((100 * 0.00013) + (400 * 0.00065)), cost.ProvisionedDollars, 9);
        Assert.Equal((2 * 100 * 0.00013) + (650 * 0.00065), cost.ProvisionedIntegratedDollars, 9);
    }

    [Fact]
    public void Storage_is_priced_per_gb_month_over_the_run()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(new TableCapacityDefinition { TableName = "orders" });
        harness.Model.RecordStoredBytes("orders", 10_000_000_000);
        harness.Idle(730 * 3600);

        var cost = Assert.Single(CapacityCost.Estimate(harness.Model.Snapshot(), Prices).Resources);

        // 10 GB for a whole month.
        Assert.Equal(2.5, cost.StorageDollars, 6);
        Assert.Equal(2.5, CapacityCost.Storage(10e9 * 730, Prices), 9);
    }

    [Fact]
    public void The_what_if_prices_an_on_demand_trace_as_provisioned_at_its_peak_minute_over_the_target()
    {
        var resource = new CapacityResourceMetrics
        {
            Table = "events",
            Mode = CapacityBillingMode.OnDemand,
            ConsumedWriteUnits = 700 * 3600,
            Hours = [new CapacityHour { Start = ModelHarness.Start, OffsetSeconds = 0, OnDemandSeconds = 3600, ConsumedWriteUnits = 700 * 3600, PeakMinuteWriteUnitsPerSecond = 700 }],
        };

        var cost = CapacityCost.Estimate(resource, Prices);

        Assert.Equal(700 * 3600 / 1e6 * 0.625, cost.OnDemandDollars, 9);
        Assert.Equal((1 * 0.00013) + (1000 * 0.00065), cost.WhatIfProvisionedDollars, 9);
        Assert.Equal(cost.WhatIfProvisionedDollars, cost.WhatIfOtherModeDollars, 9);
    }

    [Fact]
    public void Prices_are_parameters()
    {
        var prices = Prices with { OnDemandWriteDollarsPerMillionUnits = 1.25 };
        Assert.Equal(1.25, CapacityCost.OnDemand(0, 1_000_000, prices), 9);
    }
}
