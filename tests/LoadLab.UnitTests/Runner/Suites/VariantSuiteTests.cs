using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// variants: parsing, what each variant's plan becomes, and every error with its position (counted by hand).
public class VariantSuiteTests
{
    private const string Base = """
        name: t
        tables:
          orders:
            name: Orders
            key: { pk: S, sk: S }
            capacity: { mode: provisioned, read: 10, write: 20 }
        data:
          orders:
            model: { fields: { tenantId: "pick(a,b)", orderId: index } }
            items: 10
            pk: "{tenantId}"
            sk: "O#{orderId}"
        scenarios:
          - { name: s, table: orders, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
        """;

    [Fact]
    public void Each_variant_becomes_a_plan_on_its_own_table_with_its_changes()
    {
        var plan = Parse(Base + """

            variants:
              - name: provisioned
              - { name: on-demand, capacity: { mode: on-demand } }
              - name: sharded
                data: { orders: { pk: "{tenantId}#{shard(10)}" } }
            """);

        Assert.Equal(["provisioned", "on-demand", "sharded"], plan.Variants.Select(v => v.Name));
        Assert.Equal("local_Orders", plan.Tables[0].Name);
        var (provisioned, onDemand, sharded) = (plan.Variants[0].Plan, plan.Variants[1].Plan, plan.Variants[2].Plan);
        Assert.Equal("local_Orders-provisioned", provisioned.Tables[0].Name);
        Assert.Equal("local_Orders-on-demand", onDemand.Tables[0].Name);
        Assert.Equal(new CapacityPlan(CapacityMode.Provisioned, 10, 20), provisioned.Tables[0].Capacity);
        Assert.Equal(CapacityMode.OnDemand, onDemand.Tables[0].Capacity.Mode);
        Assert.Equal("{tenantId}", onDemand.DataSets[0].PartitionKeyTemplate);
        Assert.Equal("{tenantId}#{shard(10)}", sharded.DataSets[0].PartitionKeyTemplate);
        Assert.Equal(CapacityMode.Provisioned, sharded.Tables[0].Capacity.Mode);
        Assert.Equal("on-demand", onDemand.Variant);
        Assert.Equal("sharded", sharded.Variant);
        Assert.Equal("test-run-sharded", sharded.RunId);
        Assert.Empty(plan.Variants[0].Changes);
        Assert.Equal(["orders.capacity: { mode: on-demand }"], plan.Variants[1].Changes);
        Assert.Equal(["orders.pk: {tenantId}#{shard(10)}"], plan.Variants[2].Changes);
        // Same data, scenarios and seed in every variant: only the change differs.
        Assert.All(plan.Variants, v => Assert.Equal(plan.Scenarios.Select(s => (s.Name, s.TableId, s.Duration)), v.Plan.Scenarios.Select(s => (s.Name, s.TableId, s.Duration))));
        Assert.All(plan.Variants, v => Assert.Equal(plan.DataSets[0].Items, v.Plan.DataSets[0].Items));
        Assert.All(plan.Variants, v => Assert.Empty(v.Plan.Variants));
    }

    [Fact]
    public void A_table_key_and_its_templates_change_together()
    {
        var plan = Parse(Base + """

            variants:
              - name: a
              - name: b
                tables: { orders: { key: { pk: S } } }
                data: { orders: { pk: "{tenantId}#{orderId}", sk: ~ } }
            """);

        var b = plan.Variants[1].Plan;
        Assert.Null(b.Tables[0].SortKey);
        Assert.Null(b.DataSets[0].SortKeyTemplate);
        Assert.Equal("O#{orderId}", plan.Variants[0].Plan.DataSets[0].SortKeyTemplate);
        Assert.Equal("{tenantId}#{orderId}", b.DataSets[0].PartitionKeyTemplate);
    }

    [Fact]
    public void Anything_but_capacity_and_key_design_is_refused_with_what_is_allowed()
    {
        var errors = Errors(Base + """

            variants:
              - name: a
                scenarios: []
              - name: b
                tables: { orders: { name: Other } }
                data: { orders: { items: 20 } }
            """);

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], 17, 5, "unknown key 'scenarios' in variant 1", "allowed: name, description, capacity, tables, data", "a variant can change only");
        AssertError(errors[1], 19, 25, "variant 'b' tables 'orders': 'name' cannot change in a variant", "allowed here: capacity, warm, key, indexes");
        AssertError(errors[2], 20, 23, "variant 'b' data 'orders': 'items' cannot change in a variant", "allowed here: pk, sk, templates");
    }

    [Fact]
    public void Near_misses_get_a_suggestion()
    {
        var errors = Errors(Base + """

            variants:
              - { name: a, capcity: { mode: on-demand } }
              - { name: b, tables: { order: { capacity: { mode: on-demand } } } }
            """);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 16, 16, "unknown key 'capcity'", "Did you mean 'capacity'?");
        AssertError(errors[1], 17, 26, "unknown id 'order'", "the suite's tables: orders", "Did you mean 'orders'?");
    }

    [Fact]
    public void Names_must_be_unique_and_simple_and_there_must_be_two()
    {
        var errors = Errors(Base + """

            variants:
              - name: fast
              - name: FAST
              - name: "a b"
            """);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 17, 11, "the name 'FAST' is already used (line 16, column 11)");
        AssertError(errors[1], 18, 11, "name: 'a b' may contain only");

        AssertError(SingleError(Base + "\nvariants: [ { name: only } ]"), 15, 11, "list at least two variants");
    }

    [Fact]
    public void The_capacity_shorthand_needs_a_single_table()
    {
        var error = SingleError("""
            name: t
            tables:
              a: { name: Aaa, key: { pk: S } }
              b: { name: Bbb, key: { pk: S } }
            data:
              a: { model: customer, items: 10 }
            scenarios:
              - { name: s, table: a, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
            variants:
              - { name: x }
              - { name: y, capacity: { mode: provisioned, read: 1, write: 1 } }
            """);

        AssertError(error, 11, 16, "'capacity' alone is for a suite with one table; this one has 2", "tables: { a | b: { capacity: … } }");
    }

    [Fact]
    public void A_variant_value_that_breaks_the_suite_is_reported_at_the_variant_with_its_name()
    {
        var errors = Errors(Base + """

            variants:
              - name: a
              - name: b
                data: { orders: { pk: "{tenant}" } }
                tables: { orders: { capacity: { mode: provisioned } } }
            """);

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("variant 'b': ", e.Message, StringComparison.Ordinal));
        AssertError(errors[0], 18, 27, "variant 'b'", "unknown field 'tenant'", "Did you mean 'tenantId'?");
        AssertError(errors[1], 19, 35, "capacity is missing 'read'");
        AssertError(errors[2], 19, 35, "capacity is missing 'write'");
    }

    [Fact]
    public void A_variant_name_that_makes_the_table_name_too_long_is_refused()
    {
        string longName = new('v', 250);
        var error = SingleError(Base + $"\nvariants: [ {{ name: a }}, {{ name: {longName} }} ]");

        AssertError(error, 15, 34, "would have 263 characters; DynamoDB allows 255");
    }
}
