namespace LoadLab.Core.Plans;

/// <summary>
/// How one operation of a mix is carried out. One flat record for every operation: each reads the
/// options that apply to it, and the suite loader refuses the others, so a plan never carries an
/// option its operation would silently ignore. Expressions are DynamoDB expression text;
/// <c>#name</c> placeholders stand for the attribute <c>name</c> (for reserved words such as
/// <c>status</c>), <c>:name</c> placeholders for a value of <see cref="Values"/>.
/// </summary>
public sealed record OperationOptions
{
    // Declared before None: static initializers run in text order, and None's Values needs this.
    private static readonly IReadOnlyDictionary<string, ExpressionValue> EmptyValues =
        new Dictionary<string, ExpressionValue>(StringComparer.Ordinal).AsReadOnly();

    /// <summary>Every option at its default: what <c>mix: { get: 80 }</c> means.</summary>
    public static readonly OperationOptions None = new();

    /// <summary>get, query, scan, batchGet, statement: strongly consistent reads (twice the read units) instead of eventually consistent.</summary>
    public bool ConsistentRead { get; init; }

    /// <summary>get, query, scan, batchGet, transactGet: the attributes to return; empty returns whole items.</summary>
    public IReadOnlyList<string> Projection { get; init; } = [];

    /// <summary>put, update, delete, transactWrite: a condition expression; a false condition is a conditionFailed outcome.</summary>
    public string? Condition { get; init; }

    /// <summary>query, scan: a filter expression, applied after reading (items scanned still cost units).</summary>
    public string? Filter { get; init; }

    /// <summary>Values of the <c>:name</c> placeholders in <see cref="Condition"/> and <see cref="Filter"/>.</summary>
    public IReadOnlyDictionary<string, ExpressionValue> Values { get; init; } = EmptyValues;

    /// <summary>put, batchWrite, transactWrite, statement: insert items after the seeded ones (index items, items + 1, …) instead of overwriting seeded items.</summary>
    public bool NewItems { get; init; }

    /// <summary>update: counters to increment (<c>ADD</c>), in file order.</summary>
    public IReadOnlyList<AttributeAssignment> Add { get; init; } = [];

    /// <summary>update: attributes to set (<c>SET</c>), in file order.</summary>
    public IReadOnlyList<AttributeAssignment> Set { get; init; } = [];

    /// <summary>query: condition on the sort key (of the table or of <see cref="Index"/>); null reads the whole partition.</summary>
    public SortKeyCondition? SortKey { get; init; }

    /// <summary>query, scan: a secondary index to read instead of the table.</summary>
    public string? Index { get; init; }

    /// <summary>query, scan: items evaluated per page (DynamoDB's Limit); null lets DynamoDB fill 1 MB pages.</summary>
    public int? Limit { get; init; }

    /// <summary>query, scan: read every page or only the first; null is the operation's default (query: all, scan: first).</summary>
    public PageMode? Pages { get; init; }

    /// <summary>scan: parallel segments (TotalSegments); one operation scans all of them at once.</summary>
    public int Segments { get; init; } = 1;

    /// <summary>batchGet, batchWrite, transactGet, transactWrite: items per request; null is the operation's default.</summary>
    public int? BatchSize { get; init; }

    /// <summary>statement: the PartiQL text and what its parameters are bound to; set for (and only for) statement.</summary>
    public StatementPlan? Statement { get; init; }
}

/// <summary>Which pages of a query or scan one operation reads.</summary>
public enum PageMode
{
    /// <summary>Follow LastEvaluatedKey to the end, as a "load everything" call does.</summary>
    All,

    /// <summary>One request, as a paged listing does.</summary>
    First,
}

/// <summary>A scalar value for an expression, typed as DynamoDB types it.</summary>
public sealed record ExpressionValue(ExpressionValueType Type, string Text)
{
    public static ExpressionValue String(string text) => new(ExpressionValueType.String, text);

    public static ExpressionValue Number(string text) => new(ExpressionValueType.Number, text);

    public static ExpressionValue Boolean(bool value) => new(ExpressionValueType.Boolean, value ? "true" : "false");
}

public enum ExpressionValueType
{
    String,
    Number,
    Boolean,
}

/// <summary>An attribute and the value an update adds to it or sets it to.</summary>
public sealed record AttributeAssignment(string Attribute, ExpressionValue Value);

/// <summary>A query's condition on the sort key. <see cref="Upper"/> is set for <see cref="SortKeyOperator.Between"/> only.</summary>
public sealed record SortKeyCondition(SortKeyOperator Operator, string Value, string? Upper = null);

public enum SortKeyOperator
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Between,
    BeginsWith,
}
