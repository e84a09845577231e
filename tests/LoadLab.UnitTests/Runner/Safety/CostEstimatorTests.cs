using LoadLab.Runner.Safety;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Safety;

/// <summary>Planned cost = expected operations × units per operation × on-demand price (docs/capacity-model.md §19).</summary>
public sealed class CostEstimatorTests
{
    private static CostEstimate Estimate(string mix, string load = "[ { rate: 100, for: 10s } ]", string table = "{ name: Items, key: { pk: S } }") => CostEstimator.Estimate(Parse($$"""
        name: cost
        tables:
          items: {{table}}
        data:
          items: { model: customer, items: 1000 }
        scenarios:
          - name: s
            table: items
            mix: {{mix}}
            load: {{load}}
        """), LoadLab.Core.Cost.CostPrices.Default);

    [Fact]
    public void Eventually_consistent_gets_of_small_items_cost_half_a_read_unit_each()
    {
        var scenario = Estimate("{ get: 1 }").Lines.Single(l => l.What == "scenario s");
        Assert.Equal(1000, scenario.Operations);
        Assert.Equal(500, scenario.ReadUnits, 6);
        Assert.Equal(0, scenario.WriteUnits);
        Assert.Equal(500 / 1e6 * 0.125, scenario.Dollars, 12);
    }

    [Fact]
    public void Seeding_costs_a_write_unit_per_small_item_and_more_with_a_global_index()
    {
        var plain = Estimate("{ get: 1 }").Lines.Single(l => l.What.StartsWith("seed", StringComparison.Ordinal));
        Assert.Equal(1000, plain.WriteUnits, 6);
        Assert.Equal(1000 / 1e6 * 0.625, plain.Dollars, 12);

        var indexed = Estimate("{ get: 1 }", table: "{ name: Items, key: { pk: S }, indexes: { byCity: { pk: city } } }").Lines.Single(l => l.What.StartsWith("seed", StringComparison.Ordinal));
        Assert.Equal(2 * plain.WriteUnits, indexed.WriteUnits, 6);
    }

    [Fact]
    public void The_mix_splits_the_operations_and_writes_cost_more_than_reads()
    {
        var reads = Estimate("{ get: 1 }").TotalDollars;
        var mixed = Estimate("{ get: 1, put: 1 }").Lines.Single(l => l.What == "scenario s");
        Assert.Equal(250, mixed.ReadUnits, 6);
        Assert.Equal(500, mixed.WriteUnits, 6);
        Assert.True(Estimate("{ get: 1, put: 1 }").TotalDollars > reads);
    }

    [Fact]
    public void Twice_the_load_plans_twice_the_operations_and_cost()
    {
        var once = Estimate("{ get: 1 }").Lines.Single(l => l.What == "scenario s");
        var twice = Estimate("{ get: 1 }", "[ { rate: 200, for: 10s } ]").Lines.Single(l => l.What == "scenario s");
        Assert.Equal(2 * once.Operations, twice.Operations);
        Assert.Equal(2 * once.Dollars, twice.Dollars, 12);
    }

    [Fact]
    public void Transactions_cost_twice_the_units_of_their_items()
    {
        var scenario = Estimate("{ transactGet: { weight: 1, batchSize: 2 } }").Lines.Single(l => l.What == "scenario s");
        // 2 items × 1 strongly consistent unit × 2 for the transaction, per operation.
        Assert.Equal(1000 * 4, scenario.ReadUnits, 6);
    }
}
