using LoadLab.Core.Plans;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>The <c>statement</c> operation of a mix: PartiQL text, its parameters, and errors with positions.</summary>
public sealed class StatementMixTests
{
    private static string Suite(string entry, string key = "{ pk: S, sk: S }") => $$"""
        name: t
        tables:
          orders: { name: Orders, key: {{key}} }
        data:
          orders: { model: customer, items: 100 }
        scenarios:
          - name: s
            table: orders
            mix:
              {{entry}}
            load: [ { rate: 10, for: 1m } ]
        """;

    [Fact]
    public void A_statement_binds_its_text_parameters_and_options()
    {
        var mix = Assert.Single(Parse(Suite("""statement: { weight: 5, text: 'SELECT * FROM "{table}" WHERE pk = ? AND sk = ?', params: [pk, sk], consistent: true }""")).Scenarios).Mix;

        var entry = Assert.Single(mix);
        Assert.Equal(OperationKind.Statement, entry.Kind);
        Assert.Equal("statement", entry.Operation);
        Assert.Equal("SELECT * FROM \"{table}\" WHERE pk = ? AND sk = ?", entry.Options.Statement!.Text);
        Assert.Equal([StatementParameter.PartitionKey, StatementParameter.SortKey], entry.Options.Statement!.Parameters);
        Assert.True(entry.Options.ConsistentRead);
        Assert.True(entry.IsRead);
        Assert.Equal("SELECT * FROM \"dev_Orders\" WHERE pk = ? AND sk = ?", entry.Options.Statement.TextFor("dev_Orders"));
    }

    [Theory]
    [InlineData("SELECT * FROM t WHERE pk = ?", true)]
    [InlineData("  select a FROM t WHERE pk = ?", true)]
    [InlineData("INSERT INTO t VALUE {'pk': ?}", false)]
    [InlineData("UPDATE t SET a = 1 WHERE pk = ?", false)]
    [InlineData("delete FROM t WHERE pk = ?", false)]
    public void The_verb_decides_read_or_write(string text, bool read)
    {
        var entry = new OperationWeight(OperationKind.Statement, 1) { Options = new OperationOptions { Statement = new StatementPlan(text, [StatementParameter.PartitionKey]) } };
        Assert.Equal(read, entry.IsRead);
    }

    [Fact]
    public void Question_marks_inside_quotes_are_not_parameters()
    {
        var mix = Assert.Single(Parse(Suite("""statement: { weight: 1, text: "UPDATE \"{table}\" SET note = 'why?' WHERE pk = ?", params: [pk] }""", "{ pk: S }")).Scenarios).Mix;
        Assert.Equal([StatementParameter.PartitionKey], Assert.Single(mix).Options.Statement!.Parameters);
    }

    [Theory]
    [InlineData("""statement: { weight: 1, text: 'SCAN "{table}"' }""", 10, 37, "mix.statement.text: a statement starts with SELECT, INSERT, UPDATE, DELETE", "found 'SCAN \"{table}\"'")]
    [InlineData("""statement: { weight: 1, text: 'SELECT * FROM "{table}" WHERE pk = ?', params: [pk, id] }""", 10, 90, "mix.statement.params: unknown parameter 'id'; allowed: pk, sk")]
    [InlineData("""statement: { weight: 1, text: 'SELECT * FROM "{table}" WHERE pk = ? AND sk = ?', params: [pk] }""", 10, 96, "the text has 2 '?' and params lists 1")]
    [InlineData("""statement: { weight: 1, text: 'SELECT * FROM "{table}" WHERE pk = ?' }""", 10, 37, "the text has 1 '?' and params lists 0")]
    [InlineData("""statement: { weight: 1 }""", 10, 18, "mix.statement is missing 'text'")]
    [InlineData("""statement: 10""", 10, 18, "mix.statement: a statement needs its text")]
    [InlineData("""statement: { weight: 1, text: 'SELECT * FROM "{table}" WHERE pk = ?', params: [pk], filter: 'a > 1' }""", 10, 91, "unknown option 'filter' for statement")]
    public void Mistakes_are_reported_with_their_position(string entry, int line, int column, params string[] fragments)
    {
        AssertError(SingleError(Suite(entry)), line, column, fragments);
    }

    [Fact]
    public void Binding_sk_on_a_table_without_a_sort_key_is_an_error_at_params()
    {
        var error = SingleError(Suite("""statement: { weight: 1, text: 'SELECT * FROM "{table}" WHERE pk = ? AND x = ?', params: [pk, sk] }""", "{ pk: S }"));
        AssertError(error, 10, 95, "mix.statement.params: table 'orders' has no sort key");
    }
}
