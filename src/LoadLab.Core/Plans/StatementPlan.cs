namespace LoadLab.Core.Plans;

/// <summary>
/// A <c>statement</c> operation: PartiQL text run with ExecuteStatement, <c>{table}</c> standing for the scenario's
/// table (its full name, prefix included) and each <c>?</c> bound, in order, to a part of the key the scenario's
/// distribution chose (docs/suites.md, statement).
/// </summary>
public sealed record StatementPlan(string Text, IReadOnlyList<StatementParameter> Parameters)
{
    /// <summary>Replaced by the table's name in <see cref="Text"/>.</summary>
    public const string TablePlaceholder = "{table}";

    /// <summary>The verbs a statement may start with; SELECT reads, the others write.</summary>
    public static IReadOnlyList<string> Verbs { get; } = ["SELECT", "INSERT", "UPDATE", "DELETE"];

    /// <summary>A SELECT: the only statements that run on prod.</summary>
    public bool IsRead => string.Equals(Verb(Text), "SELECT", StringComparison.Ordinal);

    /// <summary>The statement's first word in upper case (SELECT, INSERT, …), or null when it has none.</summary>
    public static string? Verb(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        int end = 0;
        while (end < trimmed.Length && char.IsAsciiLetter(trimmed[end]))
            end++;
        return end == 0 ? null : trimmed[..end].ToString().ToUpperInvariant();
    }

    /// <summary>The text as sent for <paramref name="table"/>.</summary>
    public string TextFor(string table) => Text.Replace(TablePlaceholder, table, StringComparison.Ordinal);
}

/// <summary>What a statement's <c>?</c> is bound to: the chosen item's partition key or sort key value.</summary>
public enum StatementParameter
{
    PartitionKey,
    SortKey,
}

/// <summary>The names suites give <see cref="StatementParameter"/> values.</summary>
public static class StatementParameters
{
    public static IReadOnlyList<string> Names { get; } = ["pk", "sk"];

    public static string Name(StatementParameter parameter) => parameter == StatementParameter.PartitionKey ? "pk" : "sk";

    public static StatementParameter? Parse(string name) => name switch
    {
        "pk" => StatementParameter.PartitionKey,
        "sk" => StatementParameter.SortKey,
        _ => null,
    };
}
