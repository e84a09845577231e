using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Errors in mix entries and their options; positions are counted by hand (line 10 is the first mix line).
public class MixErrorTests
{
    private static string Suite(string mixLines, string key = "{ pk: S, sk: S }") => $$"""
        name: t
        tables:
          orders: { name: Orders, key: {{key}} }
        data:
          orders: { model: customer, items: 100 }
        scenarios:
          - name: s
            table: orders
            mix:
        {{mixLines}}
            load: [ { rate: 10, for: 1m } ]
        """;

    [Fact]
    public void An_option_of_another_operation_names_the_operations_that_take_it()
    {
        var error = SingleError(Suite("      get: { weight: 1, limit: 5 }"));

        AssertError(error, 10, 25, "mix.get: unknown option 'limit' for get; allowed: weight, consistent, projection.",
            "('limit' is an option of query, scan)");
    }

    [Fact]
    public void A_mistyped_option_gets_a_suggestion()
    {
        var error = SingleError(Suite("      get: { weight: 1, consitent: true }"));

        AssertError(error, 10, 25, "unknown option 'consitent' for get", "Did you mean 'consistent'?");
    }

    [Fact]
    public void The_mapping_form_needs_a_weight_and_weights_must_be_positive()
    {
        var errors = Errors(Suite("""
                  get: { consistent: true }
                  put: { weight: 0 }
            """));

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 10, 12, "mix.get is missing 'weight'");
        AssertError(errors[1], 11, 22, "mix.put.weight: must be greater than 0, found 0");
    }

    [Fact]
    public void Option_values_are_checked_where_they_are()
    {
        var errors = Errors(Suite("""
                  query: { weight: 1, pages: some, limit: 0, consistent: yes }
                  scan: { weight: 1, segments: 1001 }
                  batchWrite: { weight: 1, batchSize: 26 }
            """));

        Assert.Equal(5, errors.Count);
        AssertError(errors[0], 10, 34, "mix.query.pages: expected one of all, first, found 'some'");
        AssertError(errors[1], 10, 47, "mix.query.limit: must be from 1 to 1,000,000, found 0");
        AssertError(errors[2], 10, 62, "mix.query.consistent: expected one of true, false, found 'yes'");
        AssertError(errors[3], 11, 36, "mix.scan.segments: must be from 1 to 1,000, found 1,001");
        AssertError(errors[4], 12, 43, "mix.batchWrite.batchSize: must be from 1 to 25, found 26");
    }

    [Fact]
    public void Placeholders_need_values_and_values_need_a_use()
    {
        var errors = Errors(Suite("""
                  query: { weight: 1, filter: "total > :min", values: { ":max": 5 } }
                  put: { weight: 1, values: { ":x": 1 } }
            """));

        Assert.Equal(3, errors.Count);
        AssertError(errors[0], 10, 35, "mix.query.filter: ':min' has no value; add it under values");
        AssertError(errors[1], 10, 61, "mix.query.values: ':max' is not used by the filter");
        AssertError(errors[2], 11, 35, "mix.put.values: ':x' is not used by any expression");
    }

    [Fact]
    public void LoadLabs_own_placeholders_are_refused()
    {
        var error = SingleError(Suite("""      delete: { weight: 1, condition: "#llpk = :v", values: { ":v": 1 } }"""));

        AssertError(error, 10, 39, "mix.delete.condition: placeholders starting with '#ll' are kept for LoadLab's own; rename '#llpk'");
    }

    [Fact]
    public void A_sort_key_condition_is_exactly_one_condition()
    {
        var errors = Errors(Suite("""
                  query: { weight: 1, sk: { beginsWith: A, lt: B } }
            """));

        AssertError(Assert.Single(errors), 10, 48, "mix.query.sk: one condition only; found 'beginsWith' and 'lt'");
    }

    [Fact]
    public void Between_takes_two_values()
    {
        var error = SingleError(Suite("      query: { weight: 1, sk: { between: [A] } }"));

        AssertError(error, 10, 42, "mix.query.sk.between: expected two values, [low, high], found 1");
    }

    [Fact]
    public void A_query_of_a_table_without_a_sort_key_must_use_an_index()
    {
        var errors = Errors(Suite("""
                  query: 1
            """, key: "{ pk: S }"));

        AssertError(Assert.Single(errors), 10, 7, "mix.query: table 'orders' has no sort key, so a query reads one item like a get");
    }

    [Fact]
    public void A_sort_key_condition_without_a_sort_key_points_at_the_condition()
    {
        var error = SingleError(Suite("      query: { weight: 1, sk: { beginsWith: A } }", key: "{ pk: S }"));

        AssertError(error, 10, 31, "mix.query.sk: table 'orders' has no sort key to compare");
    }

    [Fact]
    public void Sort_key_values_must_fit_a_numeric_sort_key()
    {
        var errors = Errors(Suite("      query: { weight: 1, sk: { between: [1, x] } }", key: "{ pk: S, sk: N }"));

        AssertError(Assert.Single(errors), 10, 31, "mix.query.sk: sort key 'sk' is a number (N), found 'x'");
    }

    [Fact]
    public void An_index_must_be_defined_on_the_table()
    {
        var error = SingleError(Suite("      query: { weight: 1, index: byStatus }"));

        AssertError(error, 10, 34, "mix.query.index: table 'orders' has no index 'byStatus'");
    }
}
