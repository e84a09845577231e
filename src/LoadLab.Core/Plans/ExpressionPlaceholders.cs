namespace LoadLab.Core.Plans;

/// <summary>
/// Finds the placeholders of a DynamoDB expression: <c>#name</c> (attribute names) and <c>:name</c> (values).
/// The suite loader uses it to check values against expressions, the driver to fill both maps.
/// </summary>
public static class ExpressionPlaceholders
{
    /// <summary>Placeholder prefix the driver keeps for the names and values it generates (keys, projections, updates).</summary>
    public const string Reserved = "ll";

    /// <summary>Distinct <c>#name</c> placeholders, sigil included, in order of appearance.</summary>
    public static IReadOnlyList<string> Names(string expression) => Find(expression, '#');

    /// <summary>Distinct <c>:name</c> placeholders, sigil included, in order of appearance.</summary>
    public static IReadOnlyList<string> Values(string expression) => Find(expression, ':');

    /// <summary>True for a placeholder (sigil included) that collides with the driver's own.</summary>
    public static bool IsReserved(string placeholder) =>
        placeholder.Length > 1 && placeholder.AsSpan(1).StartsWith(Reserved, StringComparison.Ordinal);

    private static List<string> Find(string expression, char sigil)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var found = new List<string>();
        for (int i = 0; i < expression.Length; i++)
        {
            if (expression[i] != sigil)
                continue;
            int end = i + 1;
            while (end < expression.Length && IsNameChar(expression[end]))
                end++;
            if (end > i + 1)
            {
                var placeholder = expression[i..end];
                if (!found.Contains(placeholder))
                    found.Add(placeholder);
            }
            i = end - 1;
        }

        return found;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
