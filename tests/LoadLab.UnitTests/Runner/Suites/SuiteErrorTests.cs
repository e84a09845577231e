using LoadLab.Runner.Suites;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Positions are 1-based line:column of the offending key or value; the expected numbers are counted
// by hand from the text, so a test failing here means the position moved, not just the wording.
public class SuiteErrorTests
{
    [Fact]
    public void Unknown_key_lists_the_allowed_keys_and_suggests_the_closest()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: browse
                table: items
                mix: { get: 80, put: 20 }
                maxInFligt: 64
                load: [ { rate: 10, for: 1m } ]
            """);

        AssertError(error, 8, 5,
            "unknown key 'maxInFligt' in scenario 'browse'",
            "allowed: name, table, mix, keys, maxInFlight, whenFull, warmup, thinkTime, load.",
            "Did you mean 'maxInFlight'?");
    }

    [Fact]
    public void Wrong_type_says_what_was_expected_and_what_was_found()
    {
        var errors = Errors("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: browse
                table: items
                mix: { get: lots }
                maxInFlight: abc
                load: [ { rate: 10, for: 1m } ]
            """);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 7, 17, "mix.get: expected a number, found 'lots'");
        AssertError(errors[1], 8, 18, "maxInFlight: expected a whole number, found 'abc'");
    }

    [Fact]
    public void Missing_required_key_is_reported_at_the_mapping_that_lacks_it()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: browse
                mix: { get: 80, put: 20 }
                load: [ { rate: 10, for: 1m } ]
            """);

        AssertError(error, 5, 5, "scenario 'browse' is missing 'table'");
    }

    [Fact]
    public void Duplicate_key_points_at_the_repeat_and_the_first()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenarios:
              - name: browse
                table: items
                table: items
                mix: { get: 1 }
                load: [ { rate: 1, for: 1s } ]
            """);

        AssertError(error, 7, 5, "duplicate key 'table' in scenario 'browse' (first at line 6, column 5)");
    }

    [Fact]
    public void Several_errors_are_reported_together_in_file_order()
    {
        var ex = Assert.Throws<SuiteLoadException>(() => Parse("""
            name: bad name!
            environment: stagin
            tables:
              items: { name: Items, key: { pk: X } }
            scenarios:
              - name: browse
                table: nowhere
                mix: { get: 0 }
                load: [ { pause: 0s } ]
            """));

        Assert.Equal(6, ex.Errors.Count);
        AssertError(ex.Errors[0], 1, 7, "name: 'bad name!' may contain only letters, digits");
        AssertError(ex.Errors[1], 2, 14, "environment: expected one of local, dev, staging, prod, found 'stagin'.", "Did you mean 'staging'?");
        AssertError(ex.Errors[2], 4, 36, "key.pk: expected one of S, N, B, found 'X'");
        AssertError(ex.Errors[3], 7, 12, "table: unknown table 'nowhere'");
        AssertError(ex.Errors[4], 8, 17, "mix.get: must be greater than 0, found 0");
        AssertError(ex.Errors[5], 9, 22, "pause: must be longer than 0");
        Assert.StartsWith("Suite 'suite.yaml' is invalid (6 errors):\nsuite.yaml:1:7: name: ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(7, ex.Message.Split('\n').Length);
    }

    [Fact]
    public void A_typo_at_the_top_level_suggests_the_key_and_still_reports_the_missing_one()
    {
        var errors = Errors("""
            name: t
            tables:
              items: { name: Items, key: { pk: S } }
            scenario:
              - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] }
            """);

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 1, 1, "the suite is missing 'scenarios'");
        AssertError(errors[1], 4, 1, "unknown key 'scenario' in the suite", "Did you mean 'scenarios'?");
    }

    [Fact]
    public void Error_formats_like_a_compiler_message() =>
        Assert.Equal("a.yaml:3:7: oops", new SuiteError("a.yaml", 3, 7, "oops").ToString());
}
