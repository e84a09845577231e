using LoadLab.Runner.Planning;
using LoadLab.Core.Plans;

namespace LoadLab.UnitTests.Runner.Planning;

public class ScenarioCapacityEstimatorTests
{
    // Items of 3,000 B: a get costs 0.5 (eventually consistent), a put 3.
    private static readonly DataSetEstimate Data = new(Items: 1000, AverageBytes: 3000, AverageReadUnits: 1, AverageWriteUnits: 3, ItemsPerPartition: 1);

    private static readonly ScenarioPlan Scenario = new()
    {
        Name = "browse",
        TableId = "t",
        Mix = [new(OperationKind.Get, 3), new(OperationKind.Put, 1)],
        Phases =
        [
            new RatePhase(100, TimeSpan.FromSeconds(10)),
            new RampPhase(200, 50, TimeSpan.FromSeconds(10)),
            new PausePhase(TimeSpan.FromSeconds(5)),
            new ConcurrencyPhase(8, TimeSpan.FromSeconds(10)),
        ],
    };

    [Fact]
    public void Units_per_second_are_the_weighted_unit_costs_times_each_phases_peak_rate()
    {
        var estimate = ScenarioCapacityEstimator.Estimate(Scenario, Table(CapacityPlan.OnDemand), Data);

        // Per operation: reads 3/4 × 0.5 = 0.375, writes 1/4 × 3 = 0.75.
        Assert.Equal(0.375, estimate.TableReadUnitsPerOperation);
        Assert.Equal(0.75, estimate.WriteUnitsPerOperation);
        Assert.Equal([100, 200, 0, null], estimate.Phases.Select(p => p.PeakRate));
        Assert.Equal([37.5, 75, 0, 0], estimate.Phases.Select(p => p.ReadUnitsPerSecond));
        Assert.Equal([75, 150, 0, 0], estimate.Phases.Select(p => p.WriteUnitsPerSecond));
        Assert.Empty(estimate.Warnings);
    }

    [Fact]
    public void A_peak_above_provisioned_capacity_warns_for_reads_and_writes_separately()
    {
        var estimate = ScenarioCapacityEstimator.Estimate(Scenario, Table(new CapacityPlan(CapacityMode.Provisioned, 50, 200)), Data);

        var warning = Assert.Single(estimate.Warnings);
        Assert.Contains("up to 75.0 read units/s on table local_t, more than its 50 provisioned RCU", warning, StringComparison.Ordinal);
        Assert.Contains("throttling", warning, StringComparison.Ordinal);

        var both = ScenarioCapacityEstimator.Estimate(Scenario, Table(new CapacityPlan(CapacityMode.Provisioned, 50, 149)), Data);
        Assert.Equal(2, both.Warnings.Count);
        Assert.Contains("150.0 write units/s", both.Warnings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_the_provisioned_capacity_does_not_warn()
    {
        var estimate = ScenarioCapacityEstimator.Estimate(Scenario, Table(new CapacityPlan(CapacityMode.Provisioned, 75, 150)), Data);

        Assert.Empty(estimate.Warnings);
    }

    [Fact]
    public void An_on_demand_maximum_is_a_limit_too()
    {
        var estimate = ScenarioCapacityEstimator.Estimate(Scenario, Table(CapacityPlan.OnDemand with { MaxWriteUnits = 100 }), Data);

        Assert.Contains("more than its 100 on-demand maxWrite", Assert.Single(estimate.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Global_index_reads_are_checked_against_the_index_capacity()
    {
        var scenario = Scenario with { Mix = [new(OperationKind.Query, 1) { Options = new OperationOptions { Index = "byStatus" } }] };
        var data = Data with { ItemsPerIndexPartition = new Dictionary<string, double> { ["byStatus"] = 20 } };
        var table = Table(new CapacityPlan(CapacityMode.Provisioned, 10_000, 10_000)) with
        {
            Indexes = [new IndexPlan { Name = "byStatus", PartitionKey = new("status", "S"), Capacity = new CapacityPlan(CapacityMode.Provisioned, 1000, 10) }],
        };

        var estimate = ScenarioCapacityEstimator.Estimate(scenario, table, data);

        // 20 × 3,000 B → 15 blocks → 7.5 per query; 200/s → 1,500 on the index, none on the table.
        Assert.Equal(7.5, estimate.ReadUnitsPerOperation["byStatus"]);
        Assert.Equal(0, estimate.TableReadUnitsPerOperation);
        Assert.Contains("1,500.0 read units/s on index byStatus, more than its 1,000 provisioned RCU", Assert.Single(estimate.Warnings), StringComparison.Ordinal);
    }

    private static TablePlan Table(CapacityPlan capacity) => new() { Id = "t", Name = "local_t", PartitionKey = new("pk", "S"), Capacity = capacity };
}
