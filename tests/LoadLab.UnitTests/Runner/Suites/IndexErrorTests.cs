using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Errors in indexes and table options; positions counted by hand.
public class IndexErrorTests
{
    private const string Scenario = "\nscenarios:\n  - { name: s, table: orders, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }\n";

    [Fact]
    public void Index_definitions_that_dynamodb_refuses_are_reported_together()
    {
        var errors = Errors("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S }
                indexes:
                  ab: { pk: status }
                  byTotal: { type: local, sk: total }
                  noKey: { sk: createdAt, projection: INCLUDE }
                  same: { pk: status, sk: status, type: glob }
            """ + Scenario);

        Assert.Equal(6, errors.Count);
        AssertError(errors[0], 7, 7, "indexes: index names are 3 to 255 characters");
        AssertError(errors[1], 8, 16, "index 'byTotal': a local index needs a table with a sort key");
        AssertError(errors[2], 9, 14, "index 'noKey' is missing 'pk'");
        AssertError(errors[3], 9, 43, "index 'noKey'.projection: INCLUDE is written as the list of attributes to include");
        AssertError(errors[4], 10, 31, "index 'same'.sk: 'status' is already the partition key");
        AssertError(errors[5], 10, 45, "index 'same'.type: expected one of global, local, found 'glob'", "Did you mean 'global'?");
    }

    [Fact]
    public void A_local_index_shares_the_table_partition_key_and_has_no_capacity_of_its_own()
    {
        var errors = Errors("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S, sk: S }
                indexes:
                  byTotal: { type: local, pk: customerId, sk: total, capacity: { read: 1, write: 1 } }
            """ + Scenario);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 7, 35, "index 'byTotal'.pk: a local index shares the table's partition key 'pk'");
        AssertError(errors[1], 7, 68, "index 'byTotal'.capacity: a local index uses the table's capacity");
    }

    [Fact]
    public void Table_maximums_need_on_demand_and_warm_needs_units()
    {
        var errors = Errors("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S }
                capacity: { mode: provisioned, read: 5, write: 5, maxRead: 10 }
                warm: {}
            """ + Scenario);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 6, 55, "capacity.maxRead: only allowed with 'mode: on-demand'");
        AssertError(errors[1], 7, 11, "warm: give read and/or write units per second");
    }

    [Fact]
    public void Index_capacity_must_fit_the_table_mode()
    {
        var errors = Errors("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S }
                capacity: { mode: provisioned, read: 5, write: 5 }
                indexes:
                  byStatus: { pk: status, capacity: { maxRead: 5 } }
              other:
                name: Other
                key: { pk: S }
                indexes:
                  byStatus: { pk: status, capacity: { read: 5 } }
            """ + Scenario);

        Assert.Equal(4, errors.Count);
        AssertError(errors[0], 8, 41, "index 'byStatus'.capacity is missing 'read'");
        AssertError(errors[1], 8, 41, "index 'byStatus'.capacity is missing 'write'");
        AssertError(errors[2], 8, 43, "index 'byStatus'.capacity.maxRead: only allowed for on-demand tables");
        AssertError(errors[3], 13, 43, "index 'byStatus'.capacity.read: only allowed for provisioned tables; this table is on-demand (use maxRead / maxWrite");
    }

    [Fact]
    public void One_attribute_cannot_have_two_types_across_the_table_and_its_indexes()
    {
        var errors = Errors("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S, sk: S }
                indexes:
                  byTotal: { pk: { name: total, type: N } }
                  byTotal2: { pk: total }
                  bySk: { pk: { name: sk, type: N } }
            """ + Scenario);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 8, 23, "index 'byTotal2': 'total' is S here but N elsewhere in this table");
        AssertError(errors[1], 9, 19, "index 'bySk'.pk: 'sk' is a key of the table, declared S; an attribute has one type");
    }

    [Fact]
    public void Index_keys_must_be_attributes_the_items_have_with_the_declared_type()
    {
        var errors = Errors("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S, sk: S }
                indexes:
                  byStatus: { pk: stauts }
                  byTotal: { pk: total }
                  byLines: { pk: lineItems, projection: [total, shipping] }
            data:
              orders: { model: order, items: 100 }
            """ + Scenario);

        Assert.Equal(4, errors.Count);
        AssertError(errors[0], 7, 23, "index 'byStatus': the items of table 'orders' have no attribute 'stauts', so the index would stay empty", "Did you mean 'status'?");
        AssertError(errors[1], 8, 22, "index 'byTotal': 'total' is a number (N) in model order, but the index declares it S; write { name: total, type: N }");
        AssertError(errors[2], 9, 22, "index 'byLines': 'lineItems' is a list (L) in model order; index keys must be S, N or B");
        AssertError(errors[3], 9, 45, "index 'byLines'.projection: the items have no attribute 'shipping'");
    }

    [Fact]
    public void A_template_attribute_can_key_an_index_and_must_be_numeric_for_N()
    {
        var ok = Parse("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S, sk: S }
                indexes: { byStatus: { pk: gsi1pk, sk: { name: day, type: N } } }
            data:
              orders: { model: order, items: 100, templates: { gsi1pk: "STATUS#{status}", day: "{createdAt:yyyyMMdd}" } }
            """ + Scenario);
        var error = SingleError("""
            name: t
            tables:
              orders:
                name: Orders
                key: { pk: S, sk: S }
                indexes: { byDay: { pk: { name: day, type: N } } }
            data:
              orders: { model: order, items: 100, templates: { day: "D{createdAt:yyyyMMdd}" } }
            """ + Scenario);

        Assert.Equal(2, ok.Tables[0].Indexes[0].SortKey is { Type: "N" } ? 2 : 0);
        AssertError(error, 6, 29, "index 'byDay': 'day' is declared N, but its template 'D{createdAt:yyyyMMdd}' does not always make a number");
    }
}
