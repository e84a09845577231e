using LoadLab.Runner.Suites;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// Text that is not a readable suite document: one error at the parser's position, made readable.
public class SuiteSyntaxErrorTests
{
    [Fact]
    public void Yaml_syntax_error_is_the_only_error_at_the_parser_position()
    {
        var error = SingleError("""
            name: t
            tables:
              items: { name: 'Items, key: { pk: S } }
            scenarios: []
            """);

        AssertError(error, 3, 18, "YAML syntax error: a quoted string is not closed");
    }

    [Fact]
    public void Bad_indentation_is_explained()
    {
        var error = SingleError("""
            name: t
              tables: {}
            """);

        AssertError(error, 2, 9, "YAML syntax error:", "indentation");
    }

    [Theory]
    [InlineData("name: t\ntables:\n  items: { name: Items, key: { pk: S }\nscenarios:\n  - name: x\n", 3, 10, "this '{' is not closed")]
    [InlineData("name: t\ntables:\n  items: { name: Items, key: { pk: S }\n", 4, 1, "'{ … }' mapping is not closed", "unclosed '{' is at line 3, column 10")]
    [InlineData("name: [t, 'a]'\ntables: 3\n", 1, 7, "this '[' is not closed")]
    [InlineData("name: t\ntables:\n\titems: 1\n", 3, 1, "a tab is used for indentation")]
    public void Syntax_errors_point_at_the_cause(string yaml, int line, int column, params string[] fragments) =>
        AssertError(SingleError(yaml), line, column, ["YAML syntax error: ", .. fragments]);

    [Theory]
    [InlineData("", 1, 1, "the suite is empty")]
    [InlineData("# just a comment\n", 1, 1, "the suite is empty")]
    [InlineData("- a\n- b\n", 1, 1, "the suite: expected a mapping")]
    [InlineData("name: t\n---\nname: u\n", 2, 1, "one YAML document")]
    [InlineData("name: *nowhere\n", 1, 7, "unknown alias '*nowhere'")]
    public void Malformed_documents_are_explained(string yaml, int line, int column, string fragment)
    {
        var errors = Errors(yaml);

        Assert.Contains(errors, e => e.Line == line && e.Column == column && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Unreadable_file_is_one_error()
    {
        var directory = Path.GetTempPath();

        var ex = Assert.Throws<SuiteLoadException>(() => SuiteLoader.Load(directory, Options));

        var error = Assert.Single(ex.Errors);
        Assert.Equal((0, 0), (error.Line, error.Column));
    }
}
