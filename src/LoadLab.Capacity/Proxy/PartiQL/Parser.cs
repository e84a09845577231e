namespace LoadLab.Capacity.Proxy.PartiQL;

/// <summary>
/// Recursive descent over <see cref="Tokenizer"/>'s tokens for the subset of <see cref="Messages.Supported"/>.
/// Keywords are case-insensitive; names are bare words or double-quoted. What is PartiQL but outside the
/// subset (OR, IN, nested paths, RETURNING, functions other than begins_with, …) is refused with
/// <see cref="Messages.Unsupported"/>; what is no PartiQL at all with <see cref="Messages.Malformed"/>.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> tokens;
    private int at;
    private int parameters;

    private Parser(List<Token> tokens) => this.tokens = tokens;

    private Token Current => tokens[at];

    /// <exception cref="PartiqlException">The statement is malformed or outside the supported subset.</exception>
    public static PartiqlStatement Parse(string text)
    {
        var parser = new Parser(Tokenizer.Tokenize(text));
        var statement = parser.Statement();
        if (parser.Current.Kind != TokenKind.End)
            throw parser.Unexpected("the end of the statement");
        return statement with { ParameterCount = parser.parameters };
    }

    private PartiqlStatement Statement()
    {
        var first = Current;
        if (first.IsWord("SELECT"))
            return Select();
        if (first.IsWord("INSERT"))
            return Insert();
        if (first.IsWord("UPDATE"))
            return Update();
        if (first.IsWord("DELETE"))
            return Delete();
        if (first.IsWord("EXISTS") || first.IsWord("WITH") || first.IsWord("UPSERT") || first.IsWord("REPLACE"))
            throw new PartiqlException(Messages.Unsupported($"{first.Text.ToUpperInvariant()} statements"));
        throw new PartiqlException(Messages.Malformed($"expected SELECT, INSERT, UPDATE or DELETE but found {first}"));
    }

    private SelectStatement Select()
    {
        Expect("SELECT");
        List<string>? projection = null;
        if (Current.IsSymbol("*"))
        {
            at++;
        }
        else
        {
            projection = [];
            do
            {
                if (Current.Kind == TokenKind.Word && Peek(1).IsSymbol("("))
                    throw new PartiqlException(Messages.Unsupported($"the function {Current.Text} in a projection"));
                projection.Add(Name("an attribute name or *"));
            }
            while (Accept(","));
        }

        Expect("FROM");
        string table = Name("a table name", dotted: true);
        string? index = null;
        if (Accept("."))
            index = Name("an index name");
        if (Current.IsWord("JOIN") || Current.IsSymbol(","))
            throw new PartiqlException(Messages.Unsupported("joins"));
        IReadOnlyList<Condition> where = [];
        if (AcceptWord("WHERE"))
            where = Conditions();
        if (Current.IsWord("ORDER"))
            throw new PartiqlException(Messages.Unsupported("ORDER BY"));
        return new SelectStatement(table, index, projection, where);
    }

    private InsertStatement Insert()
    {
        Expect("INSERT");
        Expect("INTO");
        string table = Name("a table name", dotted: true);
        if (Current.IsWord("VALUES"))
            throw new PartiqlException(Messages.Malformed("INSERT takes one item: VALUE {...}, not VALUES"));
        Expect("VALUE");
        ExpectSymbol("{");
        var item = new List<KeyValuePair<string, Operand>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            if (Current.Kind != TokenKind.String)
                throw Unexpected("an attribute name in single quotes ('name')");
            string name = Current.Text;
            at++;
            if (!seen.Add(name))
                throw new PartiqlException(Messages.Malformed($"the attribute '{name}' appears twice in the item"));
            ExpectSymbol(":");
            item.Add(new KeyValuePair<string, Operand>(name, Value()));
        }
        while (Accept(","));
        ExpectSymbol("}");
        if (Current.IsWord("IF"))
            throw new PartiqlException(Messages.Unsupported("INSERT ... IF NOT EXISTS"));
        return new InsertStatement(table, item);
    }

    private UpdateStatement Update()
    {
        Expect("UPDATE");
        string table = Name("a table name", dotted: true);
        var set = new List<KeyValuePair<string, Operand>>();
        var remove = new List<string>();
        while (true)
        {
            if (AcceptWord("SET"))
            {
                do
                {
                    string name = Name("an attribute name");
                    ExpectSymbol("=");
                    if (Current.Kind == TokenKind.Word && Peek(1).IsSymbol("("))
                        throw new PartiqlException(Messages.Unsupported("functions in SET (only 'attribute = value' assignments)"));
                    if (Current.Kind == TokenKind.Word && IsArithmetic(Peek(1)))
                        throw new PartiqlException(Messages.Unsupported("arithmetic in SET (only 'attribute = value' assignments)"));
                    var value = Value();
                    if (IsArithmetic(Current))
                        throw new PartiqlException(Messages.Unsupported("arithmetic in SET (only 'attribute = value' assignments)"));
                    set.Add(new KeyValuePair<string, Operand>(name, value));
                }
                while (Accept(","));
            }
            else if (AcceptWord("REMOVE"))
            {
                do
                {
                    remove.Add(Name("an attribute name"));
                }
                while (Accept(","));
            }
            else
            {
                break;
            }
        }

        if (set.Count == 0 && remove.Count == 0)
            throw Unexpected("SET or REMOVE");
        Expect("WHERE");
        var where = Conditions();
        if (Current.IsWord("RETURNING"))
            throw new PartiqlException(Messages.Unsupported("RETURNING"));
        return new UpdateStatement(table, set, remove, where);
    }

    private DeleteStatement Delete()
    {
        Expect("DELETE");
        Expect("FROM");
        string table = Name("a table name", dotted: true);
        Expect("WHERE");
        var where = Conditions();
        if (Current.IsWord("RETURNING"))
            throw new PartiqlException(Messages.Unsupported("RETURNING"));
        return new DeleteStatement(table, where);
    }

    private List<Condition> Conditions()
    {
        var conditions = new List<Condition> { Condition() };
        while (AcceptWord("AND"))
            conditions.Add(Condition());
        if (Current.IsWord("OR"))
            throw new PartiqlException(Messages.Unsupported("OR in WHERE (conditions joined with AND only)"));
        return conditions;
    }

    private Condition Condition()
    {
        if (Current.IsSymbol("("))
            throw new PartiqlException(Messages.Unsupported("parentheses in WHERE"));
        if (Current.IsWord("NOT"))
            throw new PartiqlException(Messages.Unsupported("NOT in WHERE"));
        if (Current.Kind == TokenKind.Word && Peek(1).IsSymbol("("))
        {
            var function = Current;
            if (!function.IsWord("begins_with"))
                throw new PartiqlException(Messages.Unsupported($"the function {function.Text} (begins_with is the only one)"));
            at++;
            ExpectSymbol("(");
            string attribute = Name("an attribute name");
            ExpectSymbol(",");
            var prefix = Value();
            ExpectSymbol(")");
            return new BeginsWithCondition(attribute, prefix);
        }

        string name = Name("an attribute name");
        if (AcceptWord("BETWEEN"))
        {
            var low = Value();
            Expect("AND");
            var high = Value();
            return new BetweenCondition(name, low, high);
        }

        if (Current.IsWord("IN"))
            throw new PartiqlException(Messages.Unsupported("IN"));
        if (Current.IsWord("IS"))
            throw new PartiqlException(Messages.Unsupported("IS [NOT] MISSING / NULL"));
        var op = Current.Kind == TokenKind.Symbol ? Operator(Current.Text) : null;
        if (op is null)
            throw Unexpected("a comparison (=, <>, <, <=, >, >=), BETWEEN or begins_with");
        at++;
        return new Comparison(name, op.Value, Value());
    }

    private static ComparisonOperator? Operator(string symbol) => symbol switch
    {
        "=" => ComparisonOperator.Equal,
        "<>" or "!=" => ComparisonOperator.NotEqual,
        "<" => ComparisonOperator.Less,
        "<=" => ComparisonOperator.LessOrEqual,
        ">" => ComparisonOperator.Greater,
        ">=" => ComparisonOperator.GreaterOrEqual,
        _ => null,
    };

    private static bool IsArithmetic(Token token) => token.Kind == TokenKind.Symbol && token.Text is "+" or "-" || (token.Kind == TokenKind.Number && token.Text[0] is '-' or '+');

    private Operand Value()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Parameter:
                at++;
                return new ParameterOperand(parameters++);
            case TokenKind.String:
                at++;
                return new LiteralOperand(LiteralKind.String, token.Text);
            case TokenKind.Number:
                at++;
                return new LiteralOperand(LiteralKind.Number, token.Text);
            case TokenKind.Word when token.IsWord("true") || token.IsWord("false"):
                at++;
                return new LiteralOperand(LiteralKind.Boolean, token.Text.ToLowerInvariant());
            case TokenKind.Word when token.IsWord("NULL"):
                at++;
                return new LiteralOperand(LiteralKind.Null, "true");
            case TokenKind.Symbol when token.Text is "{" or "[" || (token.Text == "<" && Peek(1).IsSymbol("<")):
                throw new PartiqlException(Messages.Unsupported("map, list and set literals (pass such values as parameters, ?)"));
            default:
                throw Unexpected("a value (?, 'string', a number, true, false or NULL)");
        }
    }

    /// <summary>An attribute, table or index name: a bare word or a double-quoted name. Nested paths are refused.</summary>
    private string Name(string expected, bool dotted = false)
    {
        var token = Current;
        if (token.Kind is not (TokenKind.Word or TokenKind.QuotedName))
            throw Unexpected(expected);
        at++;
        if (Current.IsSymbol("["))
            throw new PartiqlException(Messages.Unsupported($"list indexes ({token.Text}[...]): top-level attributes only"));
        if (Current.IsSymbol(".") && !dotted)
            throw new PartiqlException(Messages.Unsupported($"nested paths ({token.Text}.…): top-level attributes only"));
        return token.Text;
    }

    private Token Peek(int ahead) => tokens[Math.Min(at + ahead, tokens.Count - 1)];

    private bool Accept(string symbol)
    {
        if (!Current.IsSymbol(symbol))
            return false;
        at++;
        return true;
    }

    private bool AcceptWord(string keyword)
    {
        if (!Current.IsWord(keyword))
            return false;
        at++;
        return true;
    }

    private void Expect(string keyword)
    {
        if (!AcceptWord(keyword))
            throw Unexpected(keyword);
    }

    private void ExpectSymbol(string symbol)
    {
        if (!Accept(symbol))
            throw Unexpected($"'{symbol}'");
    }

    private PartiqlException Unexpected(string expected) =>
        new(Messages.Malformed($"expected {expected} but found {Current} at position {Current.Position + 1}"));
}
