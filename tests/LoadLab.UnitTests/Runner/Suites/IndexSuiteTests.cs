using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Indexes and table options as suites write them.
public class IndexSuiteTests
{
    private const string Scenario = "\nscenarios:\n  - { name: s, table: orders, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }\n";

    [Fact]
    public void Global_and_local_indexes_bind_with_keys_projections_and_capacity()
    {
        var plan = Parse("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S, sk: S }
                capacity: { mode: provisioned, read: 100, write: 50 }
                indexes:
                  byStatus: { pk: status, sk: createdAt, projection: ALL, capacity: { read: 20, write: 10 } }
                  byTotal: { type: local, sk: { name: total, type: N }, projection: KEYS_ONLY }
                  byDay: { pk: gsi1pk, sk: sk, projection: [total, status] }
            data:
              orders: { model: order, items: 100, templates: { gsi1pk: "DAY#{createdAt:yyyy-MM-dd}" } }
            """ + Scenario);

        var table = plan.Tables[0];
        Assert.Equal(
            [
                new IndexPlan
                {
                    Name = "byStatus",
                    PartitionKey = new KeyAttribute("status", "S"),
                    SortKey = new KeyAttribute("createdAt", "S"),
                    Capacity = new CapacityPlan(CapacityMode.Provisioned, 20, 10),
                },
                new IndexPlan
                {
                    Name = "byTotal",
                    Kind = IndexKind.Local,
                    PartitionKey = new KeyAttribute("pk", "S"),
                    SortKey = new KeyAttribute("total", "N"),
                    Projection = ProjectionKind.KeysOnly,
                },
            ],
            table.Indexes.Take(2));
        var byDay = table.Indexes[2];
        Assert.Equal((ProjectionKind.Include, "gsi1pk", "sk"), (byDay.Projection, byDay.PartitionKey.Name, byDay.SortKey!.Name));
        Assert.Equal(["total", "status"], byDay.NonKeyAttributes);
        Assert.Null(byDay.Capacity);
    }

    [Fact]
    public void On_demand_maximums_and_warm_throughput_bind_into_the_table()
    {
        var plan = Parse("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S, sk: S }
                capacity: { mode: on-demand, maxRead: 1000, maxWrite: 500 }
                warm: { read: 12000, write: 4000 }
                indexes:
                  byStatus: { pk: status, capacity: { maxWrite: 200 } }
            """ + Scenario);

        var table = plan.Tables[0];
        Assert.Equal(CapacityPlan.OnDemand with { MaxReadUnits = 1000, MaxWriteUnits = 500 }, table.Capacity);
        Assert.Equal(new WarmThroughputPlan(12000, 4000), table.Warm);
        Assert.Equal(new CapacityPlan(CapacityMode.OnDemand) { MaxWriteUnits = 200 }, table.Indexes[0].Capacity);
    }

    [Fact]
    public void A_table_without_options_keeps_the_defaults()
    {
        var plan = Parse("name: t\ntables:\n  orders: { name: Orders, key: { pk: S } }" + Scenario);

        Assert.Empty(plan.Tables[0].Indexes);
        Assert.Null(plan.Tables[0].Warm);
        Assert.Same(CapacityPlan.OnDemand, plan.Tables[0].Capacity);
    }
}
