using LoadLab.Runner.Planning;
using LoadLab.Core.Plans;
using LoadLab.Runner.Running;

namespace LoadLab.UnitTests.Runner.Running;

/// <summary>What the client warm-up may call: reads always, overwrites off prod, never anything that changes what the load finds.</summary>
public sealed class ClientWarmupSelectionTests
{
    private static ScenarioPlan Scenario(params OperationWeight[] mix) => new()
    {
        Name = "s",
        TableId = "t",
        Mix = mix,
        Phases = [new ConcurrencyPhase(200, TimeSpan.FromSeconds(1))],
    };

    private static readonly ScenarioPlan Everything = Scenario(
        new OperationWeight(OperationKind.Get, 1),
        new OperationWeight(OperationKind.Put, 1),
        new OperationWeight(OperationKind.Put, 1) { Options = new OperationOptions { NewItems = true } },
        new OperationWeight(OperationKind.Update, 1),
        new OperationWeight(OperationKind.Delete, 1),
        new OperationWeight(OperationKind.Query, 1),
        new OperationWeight(OperationKind.Scan, 1),
        new OperationWeight(OperationKind.BatchGet, 1),
        new OperationWeight(OperationKind.BatchWrite, 1),
        new OperationWeight(OperationKind.TransactGet, 1),
        new OperationWeight(OperationKind.TransactWrite, 1));

    [Fact]
    public void Off_prod_reads_and_overwrites_of_existing_items_are_warmed()
    {
        // get, put, update, query, batchGet, transactGet: not the insert, delete, scan, batchWrite or transactWrite.
        Assert.Equal([0, 1, 3, 5, 7, 9], ClientWarmupSelection.Operations(Everything, prod: false));
    }

    [Fact]
    public void On_prod_only_reads_are_warmed()
    {
        Assert.Equal([0, 5, 7, 9], ClientWarmupSelection.Operations(Everything, prod: true));
    }

    [Fact]
    public void Calls_in_flight_follow_the_load_between_4_and_64()
    {
        Assert.Equal(64, ClientWarmupSelection.OptionsFor([Everything]).Concurrency);
        Assert.Equal(4, ClientWarmupSelection.OptionsFor([Scenario(new OperationWeight(OperationKind.Get, 1)) with { Phases = [new ConcurrencyPhase(1, TimeSpan.FromSeconds(1))] }]).Concurrency);
        Assert.Equal(16, ClientWarmupSelection.OptionsFor([Scenario(new OperationWeight(OperationKind.Get, 1)) with { Phases = [new RatePhase(100, TimeSpan.FromSeconds(1))], MaxInFlight = 16 }]).Concurrency);
    }

    [Fact]
    public void The_warm_up_is_capped_at_a_tenth_of_the_smallest_provisioned_capacity_and_of_a_keys_limit_per_calls_units()
    {
        static TablePlan Table(CapacityPlan capacity, params IndexPlan[] indexes) => new()
        {
            Id = "t", Name = "T", PartitionKey = new KeyAttribute("pk", "S"), Capacity = capacity, Indexes = indexes,
        };

        var onDemand = Table(CapacityPlan.OnDemand);
        var small = Table(new CapacityPlan(CapacityMode.Provisioned, ReadUnits: 50, WriteUnits: 5));
        var smallIndex = Table(
            new CapacityPlan(CapacityMode.Provisioned, ReadUnits: 1000, WriteUnits: 1000),
            new IndexPlan { Name = "byTier", PartitionKey = new KeyAttribute("tier", "S"), Capacity = new CapacityPlan(CapacityMode.Provisioned, ReadUnits: 20, WriteUnits: 400) });
        var get = new UnitCost(0.5, 0);
        var put = new UnitCost(0, 1);
        var bigPut = new UnitCost(0, 40);

        Assert.Null(ClientWarmupSelection.MaxCallsPerSecond([]));
        // On demand, one key is served 3,000 read and 1,000 write units a second: a tenth of it, per call (one unit at least).
        Assert.Equal(300, ClientWarmupSelection.MaxCallsPerSecond([(onDemand, get)]));
        Assert.Equal(100, ClientWarmupSelection.MaxCallsPerSecond([(onDemand, get), (onDemand, put)]));
        // 40 KB puts: 2.5 a second, all on one hot key, use a tenth of what it is served (the hot-key suite's case).
        Assert.Equal(2.5, ClientWarmupSelection.MaxCallsPerSecond([(onDemand, bigPut)]));
        Assert.Equal(0.5, ClientWarmupSelection.MaxCallsPerSecond([(small, put)]));
        Assert.Equal(5, ClientWarmupSelection.MaxCallsPerSecond([(small, get)]));
        Assert.Equal(2, ClientWarmupSelection.MaxCallsPerSecond([(smallIndex, get)]));
        Assert.Equal(0.5, ClientWarmupSelection.MaxCallsPerSecond([(onDemand, put), (smallIndex, get), (small, put)]));
        Assert.Equal(0.1, ClientWarmupSelection.MaxCallsPerSecond([(small, bigPut)]));
    }
}
