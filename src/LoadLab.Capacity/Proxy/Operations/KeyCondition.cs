using System.Text.Json;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// Finds the partition key value a Query reads (it routes the charge to one partition): the
/// <c>hashKey = :value</c> term of KeyConditionExpression (names resolved through
/// ExpressionAttributeNames), or the EQ condition of the legacy KeyConditions.
/// </summary>
internal static class KeyCondition
{
    public static JsonElement? PartitionValue(JsonElement request, string hashKey)
    {
        if (JsonRead.String(request, "KeyConditionExpression") is { } expression)
            return FromExpression(request, expression, hashKey);
        if (JsonRead.Object(request, "KeyConditions") is { } conditions
            && JsonRead.Object(conditions, hashKey) is { } condition
            && JsonRead.String(condition, "ComparisonOperator") == "EQ"
            && JsonRead.Array(condition, "AttributeValueList") is { } values
            && values.GetArrayLength() == 1)
        {
            return values[0];
        }

        return null;
    }

    /// <summary>The <c>#name</c> and <c>:value</c> placeholders an expression uses.</summary>
    public static IEnumerable<string> Placeholders(string expression)
    {
        for (int i = 0; i < expression.Length; i++)
        {
            char c = expression[i];
            if (c != '#' && c != ':')
                continue;
            int start = i++;
            while (i < expression.Length && IsNameChar(expression[i]))
                i++;
            if (i - start > 1)
                yield return expression[start..i];
            i--;
        }
    }

    private static JsonElement? FromExpression(JsonElement request, string expression, string hashKey)
    {
        var tokens = Tokenize(expression);
        var names = JsonRead.Object(request, "ExpressionAttributeNames");
        var values = JsonRead.Object(request, "ExpressionAttributeValues");
        for (int i = 1; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] != "=")
                continue;
            string left = tokens[i - 1];
            string right = tokens[i + 1];
            if (Resolve(left, names) == hashKey && right.StartsWith(':') && values is { } v1 && JsonRead.Object(v1, right) is { } a)
                return a;
            if (Resolve(right, names) == hashKey && left.StartsWith(':') && values is { } v2 && JsonRead.Object(v2, left) is { } b)
                return b;
        }

        return null;
    }

    private static string? Resolve(string token, JsonElement? names) =>
        token.StartsWith('#') ? (names is { } n ? JsonRead.String(n, token) : null) : token;

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        for (int i = 0; i < expression.Length;)
        {
            char c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '#' or ':' || IsNameChar(c))
            {
                int start = i++;
                while (i < expression.Length && IsNameChar(expression[i]))
                    i++;
                tokens.Add(expression[start..i]);
            }
            else if (c is '<' or '>' && i + 1 < expression.Length && expression[i + 1] is '=' or '>')
            {
                tokens.Add(expression.Substring(i, 2));
                i += 2;
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }

        return tokens;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
