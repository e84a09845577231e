using LoadLab.Capacity.Proxy.PartiQL;

namespace LoadLab.UnitTests.Capacity.Proxy.PartiQL;

public sealed class ParserTests
{
    [Fact]
    public void Select_star_with_key_equality_reads_table_and_conditions_in_order()
    {
        var select = Assert.IsType<SelectStatement>(Parser.Parse("""SELECT * FROM "orders" WHERE pk = ? AND sk = 'a''b'"""));
        Assert.Equal("orders", select.Table);
        Assert.Null(select.Index);
        Assert.Null(select.Projection);
        Assert.Equal(1, select.ParameterCount);
        Assert.Equal(new Comparison("pk", ComparisonOperator.Equal, new ParameterOperand(0)), select.Where[0]);
        Assert.Equal(new Comparison("sk", ComparisonOperator.Equal, new LiteralOperand(LiteralKind.String, "a'b")), select.Where[1]);
        Assert.True(select.IsRead);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_names_may_be_bare_or_quoted()
    {
        var select = Assert.IsType<SelectStatement>(Parser.Parse("select a, \"b c\", status from orders.\"by-status\" where status = 'open'"));
        Assert.Equal(["a", "b c", "status"], select.Projection!);
        Assert.Equal("orders", select.Table);
        Assert.Equal("by-status", select.Index);
    }

    [Theory]
    [InlineData("SELECT * FROM t WHERE pk = ? AND sk BETWEEN ? AND ?", typeof(BetweenCondition))]
    [InlineData("SELECT * FROM t WHERE pk = ? AND begins_with(sk, ?)", typeof(BeginsWithCondition))]
    [InlineData("SELECT * FROM t WHERE pk = ? AND sk >= 10", typeof(Comparison))]
    public void Sort_key_conditions_parse(string text, Type kind)
    {
        var select = Assert.IsType<SelectStatement>(Parser.Parse(text));
        Assert.IsType(kind, select.Where[1]);
        Assert.Equal("sk", select.Where[1].Attribute);
    }

    [Fact]
    public void Parameters_are_numbered_in_text_order_across_clauses()
    {
        var update = Assert.IsType<UpdateStatement>(Parser.Parse("UPDATE \"t\" SET a = ?, b = 5 SET c = ? REMOVE d, e WHERE pk = ? AND sk = ?"));
        Assert.Equal(4, update.ParameterCount);
        Assert.Equal(["a", "b", "c"], update.Set.Select(s => s.Key));
        Assert.Equal(new ParameterOperand(0), update.Set[0].Value);
        Assert.Equal(new LiteralOperand(LiteralKind.Number, "5"), update.Set[1].Value);
        Assert.Equal(new ParameterOperand(1), update.Set[2].Value);
        Assert.Equal(["d", "e"], update.Remove);
        Assert.Equal(new ParameterOperand(3), ((Comparison)update.Where[1]).Value);
        Assert.False(update.IsRead);
    }

    [Fact]
    public void Insert_reads_the_item_with_parameters_and_literals_of_every_kind()
    {
        var insert = Assert.IsType<InsertStatement>(Parser.Parse("INSERT INTO \"t\" VALUE {'pk': ?, 'n': -1.5e3, 's': 'x', 'b': TRUE, 'z': null}"));
        Assert.Equal(["pk", "n", "s", "b", "z"], insert.Item.Select(i => i.Key));
        Assert.Equal(new LiteralOperand(LiteralKind.Number, "-1.5e3"), insert.Item[1].Value);
        Assert.Equal(new LiteralOperand(LiteralKind.Boolean, "true"), insert.Item[3].Value);
        Assert.Equal(new LiteralOperand(LiteralKind.Null, "true"), insert.Item[4].Value);
        Assert.Equal(1, insert.ParameterCount);
    }

    [Fact]
    public void Delete_reads_table_and_conditions()
    {
        var delete = Assert.IsType<DeleteStatement>(Parser.Parse("DELETE FROM \"t\" WHERE pk = ? AND sk = ? AND version <> 3"));
        Assert.Equal(3, delete.Where.Count);
        Assert.Equal(ComparisonOperator.NotEqual, ((Comparison)delete.Where[2]).Operator);
    }

    [Theory]
    [InlineData("SELEC * FROM t", "expected SELECT, INSERT, UPDATE or DELETE")]
    [InlineData("SELECT * t WHERE pk = ?", "expected FROM but found 't' at position 10")]
    [InlineData("SELECT * FROM t WHERE pk = 'open", "never closed")]
    [InlineData("SELECT * FROM t WHERE pk = ? AND", "expected an attribute name but found the end of the statement")]
    [InlineData("SELECT * FROM t WHERE pk = ? extra", "expected the end of the statement")]
    [InlineData("SELECT * FROM t WHERE pk = # ", "unexpected character '#'")]
    [InlineData("INSERT INTO t VALUES {'pk': ?}", "VALUE {...}, not VALUES")]
    [InlineData("INSERT INTO t VALUE {'pk': ?, 'pk': ?}", "appears twice")]
    [InlineData("INSERT INTO t VALUE {pk: ?}", "single quotes")]
    [InlineData("UPDATE t WHERE pk = ?", "expected SET or REMOVE")]
    [InlineData("DELETE t WHERE pk = ?", "expected FROM")]
    public void Malformed_statements_get_dynamodbs_wording_and_where(string text, string detail)
    {
        var ex = Assert.Throws<PartiqlException>(() => Parser.Parse(text));
        Assert.StartsWith("Statement wasn't well formed, can't be processed: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(detail, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM t WHERE pk = ? OR pk = ?", "OR in WHERE")]
    [InlineData("SELECT * FROM t WHERE pk IN [?, ?]", "IN")]
    [InlineData("SELECT * FROM t WHERE contains(tags, ?)", "the function contains")]
    [InlineData("SELECT COUNT(*) FROM t WHERE pk = ?", "the function COUNT in a projection")]
    [InlineData("SELECT a.b FROM t WHERE pk = ?", "nested paths")]
    [InlineData("SELECT a[0] FROM t WHERE pk = ?", "list indexes")]
    [InlineData("SELECT * FROM t JOIN u WHERE pk = ?", "joins")]
    [InlineData("SELECT * FROM t WHERE pk = ? ORDER BY sk", "ORDER BY")]
    [InlineData("SELECT * FROM t WHERE (pk = ?)", "parentheses")]
    [InlineData("SELECT * FROM t WHERE NOT pk = ?", "NOT in WHERE")]
    [InlineData("SELECT * FROM t WHERE x IS MISSING", "IS [NOT] MISSING")]
    [InlineData("UPDATE t SET n = n + 1 WHERE pk = ?", "arithmetic in SET")]
    [InlineData("UPDATE t SET n = ? + ? WHERE pk = ?", "arithmetic in SET")]
    [InlineData("UPDATE t SET l = list_append(l, ?) WHERE pk = ?", "functions in SET")]
    [InlineData("UPDATE t SET a = ? WHERE pk = ? RETURNING ALL NEW *", "RETURNING")]
    [InlineData("DELETE FROM t WHERE pk = ? RETURNING ALL OLD *", "RETURNING")]
    [InlineData("INSERT INTO t VALUE {'pk': ?, 'm': {'a': 1}}", "map, list and set literals")]
    [InlineData("INSERT INTO t VALUE {'pk': ?, 'l': [1]}", "map, list and set literals")]
    [InlineData("INSERT INTO t VALUE {'pk': ?, 's': <<1>>}", "map, list and set literals")]
    [InlineData("EXISTS(SELECT * FROM t WHERE pk = ?)", "EXISTS statements")]
    public void Forms_outside_the_subset_say_what_is_supported(string text, string what)
    {
        var ex = Assert.Throws<PartiqlException>(() => Parser.Parse(text));
        Assert.Contains("does not support " + what, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Supported forms: SELECT", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_carry_kind_text_and_position()
    {
        var tokens = Tokenizer.Tokenize("a<=\"x\"\"y\" ?,-2");
        Assert.Equal(
            [(TokenKind.Word, "a", 0), (TokenKind.Symbol, "<=", 1), (TokenKind.QuotedName, "x\"y", 3), (TokenKind.Parameter, "?", 10), (TokenKind.Symbol, ",", 11), (TokenKind.Number, "-2", 12), (TokenKind.End, "", 14)],
            tokens.Select(t => (t.Kind, t.Text, t.Position)));
    }
}
