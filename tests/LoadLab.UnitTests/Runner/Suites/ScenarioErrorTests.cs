using LoadLab.Runner.Suites;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Errors in scenarios and their load phases; positions are counted by hand, as in SuiteErrorTests.
public class ScenarioErrorTests
{
    [Fact]
    public void Bad_duration_shows_the_accepted_forms()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: browse
                table: items
                mix: { get: 80, put: 20 }
                maxInFlight: 64
                load: [ { rate: 10, for: 1x } ]
            """);

        AssertError(error, 9, 30, "for: expected a duration such as 500ms, 30s, 2m, 1h or 1m30s, found '1x'");
    }

    [Fact]
    public void Unknown_table_reference_lists_the_tables_and_suggests_one()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: browse
                table: itmes
                mix: { get: 80, put: 20 }
                load: [ { rate: 10, for: 1m } ]
            """);

        AssertError(error, 6, 12, "table: unknown table 'itmes'", "defined: items", "Did you mean 'items'?");
    }

    [Fact]
    public void Unknown_operation_lists_the_allowed_operations()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: browse
                table: items
                mix: { get: 80, qurey: 20 }
                load: [ { rate: 10, for: 1m } ]
            """);

        AssertError(error, 7, 21, "mix: unknown operation 'qurey'; allowed: get, put, update, delete, query, scan, batchGet, batchWrite, transactGet, transactWrite, statement.",
            "Did you mean 'query'?");
    }

    [Fact]
    public void Duplicate_scenario_name_points_at_the_second_one()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - { name: browse, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
              - { name: browse, table: items, mix: { put: 1 }, load: [ { rate: 1, for: 1s } ] }
            """);

        AssertError(error, 6, 13, "scenario 'browse' is already defined at line 5");
    }

    [Fact]
    public void Warmup_must_be_shorter_than_the_load()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: browse
                table: items
                mix: { get: 1 }
                warmup: 2m
                load: [ { ramp: { to: 10, over: 30s } }, { rate: 10, for: 30s } ]
            """);

        AssertError(error, 8, 13, "warmup: 2m must be shorter than the scenario's load, which lasts 1m");
    }

    [Fact]
    public void A_phase_is_exactly_one_kind()
    {
        var errors = Errors("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: s
                table: items
                mix: { get: 1 }
                load:
                  - { rate: 10, for: 1m, ramp: { to: 5, over: 1s } }
                  - { rat: 10, for: 1m }
                  - { concurrency: 0, for: 1m }
                  - { rate: 2000000, for: 1m }
            """);

        Assert.Equal(4, errors.Count);
        AssertError(errors[0], 9, 30, "load phase 1 has both 'rate' and 'ramp'");
        AssertError(errors[1], 10, 11, "unknown key 'rat' in load phase 2", "Did you mean 'rate'?");
        AssertError(errors[2], 11, 24, "concurrency: must be from 1 to 100,000, found 0");
        AssertError(errors[3], 12, 17, "rate: must be from 0 to 1,000,000, found 2,000,000");
    }

    [Fact]
    public void Durations_have_an_upper_bound()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - { name: s, table: items, mix: { get: 1 }, load: [ { pause: 9000h } ] }
            """);

        AssertError(error, 5, 64, "pause: must be at most 365 days, found '9000h'");
    }
}
