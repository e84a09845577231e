using LoadLab.Core.Cost;
using LoadLab.Core.Results;
using LoadLab.UnitTests.Reports.Support;

namespace LoadLab.UnitTests.Core.Cost;

// Cost arithmetic against the worked examples of docs/capacity-model.md (§23 check 8 and the §19 formulas).
public class RunCostCalculatorTests
{
    private const string Table = "local_Orders";
    private static readonly TableCapacity OnDemand = new(Table, TableCapacity.OnDemand, 0, 0);

    /// <summary>A run of one operation over one hour: <paramref name="completed"/> calls consuming the given units.</summary>
    private static RunResult Run(long completed, double readUnits, double writeUnits, long throttled = 0, double seconds = 3600)
    {
        var sample = SyntheticRuns.Run;
        var op = sample.Scenarios[0].Operations[0] with
        {
            Completed = completed,
            Outcomes = new Dictionary<string, long> { ["ok"] = completed - throttled, ["throttled"] = throttled },
            ReadUnits = readUnits,
            WriteUnits = writeUnits,
        };
        // The measured window is the scenario's duration after warm-up (Throughput): one hour here.
        var scenario = sample.Scenarios[0] with { Table = Table, Operations = [op], Series = [], DurationSeconds = seconds, Warmup = new WarmupCounts(0, 0, 0) };
        return sample with { Scenarios = [scenario], Simulator = null, Cost = null };
    }

    [Fact]
    public void One_million_1KB_puts_on_demand_cost_0_625_dollars()
    {
        var cost = RunCostCalculator.Estimate(Run(1_000_000, 0, 1_000_000), [OnDemand], CostPrices.Default).Tables.Single();

        Assert.Equal(0.625, cost.OwnMode.Usd, 9);
        Assert.Equal(0.625, cost.OwnMode.UsdPerMillionOperations!.Value, 9);
        Assert.Equal(0.625, cost.OwnMode.UsdPerHour, 9);
        Assert.Equal("on-demand", cost.OwnMode.Mode);
        Assert.Equal("consumedCapacity", cost.Source);
    }

    [Fact]
    public void The_same_puts_in_transactions_cost_twice_as_much()
    {
        // Transactions consume two write units per 1 KB item; the units already carry the factor.
        var cost = RunCostCalculator.Estimate(Run(1_000_000, 0, 2_000_000), [OnDemand], CostPrices.Default).Tables.Single();

        Assert.Equal(1.25, cost.OwnMode.Usd, 9);
    }

    [Fact]
    public void Ten_million_eventually_consistent_4KB_reads_cost_0_625_dollars()
    {
        var cost = RunCostCalculator.Estimate(Run(10_000_000, 5_000_000, 0), [OnDemand], CostPrices.Default).Tables.Single();

        Assert.Equal(0.625, cost.OwnMode.Usd, 9);
        Assert.Equal(0.0625, cost.OwnMode.UsdPerMillionOperations!.Value, 9);
    }

    [Fact]
    public void Provisioned_costs_its_units_per_hour_and_the_what_if_prices_the_units_on_demand()
    {
        var provisioned = new TableCapacity(Table, TableCapacity.Provisioned, 10, 100);

        var cost = RunCostCalculator.Estimate(Run(1_000_000, 0, 1_000_000, seconds: 1800), [provisioned], CostPrices.Default).Tables.Single();

        // 10 RCU × $0.00013 + 100 WCU × $0.00065 per hour, for half an hour.
        Assert.Equal(0.0663, cost.OwnMode.UsdPerHour, 9);
        Assert.Equal(0.03315, cost.OwnMode.Usd, 9);
        Assert.Equal("on-demand", cost.OtherMode.Mode);
        Assert.Equal(0.625, cost.OtherMode.Usd, 9);
        Assert.Equal(1.25, cost.OtherMode.UsdPerHour, 9);
    }

    [Fact]
    public void On_demand_what_if_provisions_the_peak_rate_at_the_target_utilisation()
    {
        var cost = RunCostCalculator.Estimate(Run(1_000_000, 0, 1_000_000), [OnDemand], CostPrices.Default).Tables.Single();

        // 277.8 WCU/s ÷ 0.7 → 397 WCU, and the minimum of 1 RCU.
        Assert.Equal(397 * 0.00065 + 0.00013, cost.OtherMode.UsdPerHour, 9);
        Assert.Contains("397 WCU", cost.OtherMode.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Throttled_operations_cost_nothing_and_are_left_out_of_the_per_million_figure()
    {
        var cost = RunCostCalculator.Estimate(Run(1_000_000, 0, 500_000, throttled: 500_000), [OnDemand], CostPrices.Default).Tables.Single();

        Assert.Equal(500_000, cost.Operations);
        Assert.Equal(0.625, cost.OwnMode.UsdPerMillionOperations!.Value, 9);
    }

    [Fact]
    public void Prices_are_overridable()
    {
        var prices = CostPrices.Default.With("onDemandWrite", 1.25).With("targetUtilization", 1);

        var cost = RunCostCalculator.Estimate(Run(1_000_000, 0, 1_000_000), [OnDemand], prices).Tables.Single();

        Assert.Equal(1.25, cost.OwnMode.Usd, 9);
        Assert.Contains("278 WCU", cost.OtherMode.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_plan_the_mode_comes_from_the_simulator_section()
    {
        var run = Run(1_000_000, 0, 1_000_000) with
        {
            Simulator = new SimulatorSection
            {
                Preset = "documented",
                Resources = [new SimulatorResource { Table = Table, Mode = "provisioned", ProvisionedReadUnits = 10, ProvisionedWriteUnits = 100 }],
            },
        };

        var cost = RunCostCalculator.Estimate(run, [], CostPrices.Default).Tables.Single();

        Assert.Equal("provisioned", cost.Mode);
        Assert.Equal("simulator", cost.Source);
        Assert.Equal(0.0663, cost.OwnMode.UsdPerHour, 9);
    }
}
