using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.UnitTests.Capacity.Model.Support;

namespace LoadLab.UnitTests.Capacity.Model;

/// <summary>docs/capacity-model.md §23 check 1: 100 WCU with 300 s of burst, 150 WCU/s offered.</summary>
public sealed class BurstTests
{
    private static readonly TableCapacityDefinition Table = new()
    {
        TableName = "orders",
        Mode = CapacityBillingMode.Provisioned,
        ReadUnits = 100,
        WriteUnits = 100,
    };

    [Fact]
    public void Idle_table_serves_the_excess_from_burst_for_600_seconds_then_throttles_to_provisioned()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);

        var trace = harness.Run(720, 100, Puts(1.5));

        // 30,000 burst units drain at 50/s: 600 s without a throttle.
        Assert.InRange(trace.FirstRefusal!.Value, 595, 605);
        Assert.Equal(0, trace.RefusalsBetween(0, 590));
        Assert.InRange(trace.ServedPerSecond(0, 590), 149.9, 150.1);
        // Afterwards ~50 of the 150 WCU/s are throttled and consumption sits at provisioned.
        Assert.InRange(trace.ServedPerSecond(620, 720), 98, 102);
        Assert.InRange(trace.RefusedPerSecond(620, 720), 48, 52);
        Assert.Equal("TableWriteProvisionedThroughputExceeded", Assert.Single(trace.Reasons));
        Assert.Equal(ThrottleLimit.Provisioned, trace.Causes[0].Limit);
        Assert.Equal(CapacityBillingMode.Provisioned, trace.Causes[0].Mode);
    }

    [Fact]
    public void Per_minute_consumption_stays_at_provisioned_while_requests_throttle()
    {
        var harness = new ModelHarness();
        harness.Model.CreateTable(Table);
        harness.Run(780, 100, Puts(1.5));

        var table = harness.Model.Snapshot().Resources.Single();
        var minute12 = table.Seconds.Where(s => s.OffsetSeconds >= 660 && s.OffsetSeconds < 720).ToList();
        Assert.InRange(minute12.Sum(s => s.ConsumedWriteUnits), 5900, 6100);
        Assert.True(minute12.Sum(s => s.ThrottledRequests) > 0);
        Assert.True(table.ThrottleEventsByReason["TableWriteProvisionedThroughputExceeded"] > 0);
        // The burst bucket level is reported: full at the start, drained after ~600 s.
        Assert.InRange(table.Seconds[0].BurstWriteUnits, 29_900, 30_000);
        Assert.InRange(minute12.Min(s => s.BurstWriteUnits), -2, 2);
    }

    [Fact]
    public void Cold_table_idle_for_300_seconds_has_the_same_burst()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);
        harness.Idle(300);

        var trace = harness.Run(700, 100, Puts(1.5));

        Assert.InRange(trace.FirstRefusal!.Value - 300, 595, 605);
    }

    [Fact]
    public void Cold_table_throttles_from_the_start()
    {
        var harness = new ModelHarness(new CapacitySettings { InitialBurstFill = BurstFill.Cold });
        harness.Model.CreateTable(Table);

        var trace = harness.Run(30, 100, Puts(1.5));

        Assert.Equal(0, trace.FirstRefusal);
        Assert.InRange(trace.ServedPerSecond(5, 30), 98, 102);
    }

    private static Func<long, IReadOnlyList<Charge>> Puts(double units) =>
        step => [ModelHarness.Write("orders", units, ModelHarness.Hash(step), "k" + step)];
}
