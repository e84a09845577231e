using LoadLab.Runner.Suites;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Errors in tables, capacity and data; positions are counted by hand, as in SuiteErrorTests.
public class TableErrorTests
{
    [Fact]
    public void Unknown_data_table_is_reported_at_its_key()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            data:
              orders: { model: customer, items: 10 }
            scenarios:
              - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
            """);

        AssertError(error, 5, 3, "data: unknown table 'orders'");
    }

    [Fact]
    public void Provisioned_capacity_needs_read_and_write_units()
    {
        var errors = Errors("""
            name: t
            tables:
              items:
                name: Items
                key: { pk: S }
                capacity: { mode: provisioned }
            scenarios:
              - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
            """);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 6, 15, "capacity is missing 'read'");
        AssertError(errors[1], 6, 15, "capacity is missing 'write'");
    }

    [Fact]
    public void On_demand_capacity_refuses_units()
    {
        var error = SingleError("""
            name: t
            tables:
              items:
                name: Items
                key: { pk: S }
                capacity: { mode: on-demand, read: 5 }
            scenarios:
              - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
            """);

        AssertError(error, 6, 34, "capacity.read: only allowed with 'mode: provisioned'");
    }

    [Fact]
    public void Table_name_follows_dynamodb_rules_with_the_prefix()
    {
        string longName = new('x', 250);
        var error = SingleError($$"""
            name: t
            tables:
              items: { name: {{longName}}, key: { pk: S } }
            scenarios:
              - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
            """);

        AssertError(error, 3, 18, "(with the environment prefix) has 256 characters; DynamoDB allows 3 to 255");
    }
}
