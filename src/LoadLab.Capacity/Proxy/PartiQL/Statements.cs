namespace LoadLab.Capacity.Proxy.PartiQL;

/// <summary>A parsed statement of the subset the local target runs (<see cref="Messages.Supported"/>).</summary>
internal abstract record PartiqlStatement(string Table)
{
    /// <summary>SELECT reads; INSERT, UPDATE and DELETE write (prod safety and batch/transaction rules).</summary>
    public abstract bool IsRead { get; }

    /// <summary>How many <c>?</c> the statement holds, numbered in text order.</summary>
    public int ParameterCount { get; init; }
}

/// <param name="Projection">The attributes to return; null for <c>*</c>.</param>
internal sealed record SelectStatement(string Table, string? Index, IReadOnlyList<string>? Projection, IReadOnlyList<Condition> Where) : PartiqlStatement(Table)
{
    public override bool IsRead => true;
}

/// <param name="Item">The item's attributes in text order.</param>
internal sealed record InsertStatement(string Table, IReadOnlyList<KeyValuePair<string, Operand>> Item) : PartiqlStatement(Table)
{
    public override bool IsRead => false;
}

internal sealed record UpdateStatement(string Table, IReadOnlyList<KeyValuePair<string, Operand>> Set, IReadOnlyList<string> Remove, IReadOnlyList<Condition> Where) : PartiqlStatement(Table)
{
    public override bool IsRead => false;
}

internal sealed record DeleteStatement(string Table, IReadOnlyList<Condition> Where) : PartiqlStatement(Table)
{
    public override bool IsRead => false;
}

/// <summary>A value in a statement: a parameter or a literal.</summary>
internal abstract record Operand;

/// <summary>The request's <c>Parameters[Index]</c>.</summary>
internal sealed record ParameterOperand(int Index) : Operand;

/// <summary><c>'text'</c>, <c>12.5</c>, <c>true</c>/<c>false</c> or <c>NULL</c>.</summary>
internal sealed record LiteralOperand(LiteralKind Kind, string Text) : Operand;

internal enum LiteralKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>One conjunct of a WHERE clause (the subset joins them with AND only).</summary>
internal abstract record Condition(string Attribute);

internal sealed record Comparison(string Attribute, ComparisonOperator Operator, Operand Value) : Condition(Attribute);

internal sealed record BetweenCondition(string Attribute, Operand Low, Operand High) : Condition(Attribute);

internal sealed record BeginsWithCondition(string Attribute, Operand Prefix) : Condition(Attribute);

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
