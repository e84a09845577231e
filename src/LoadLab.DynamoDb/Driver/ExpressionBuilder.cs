using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// Collects the ExpressionAttributeNames and ExpressionAttributeValues of one operation's expressions, once, when
/// the operation is built. Attributes the driver names itself (keys, projections, updates) always go through a
/// <c>#ll…</c> placeholder, because many common attribute names (name, status, count, …) are reserved words.
/// </summary>
internal sealed class ExpressionBuilder(IReadOnlyDictionary<string, ExpressionValue> userValues)
{
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeValue> values = new(StringComparer.Ordinal);

    public ExpressionBuilder()
        : this(OperationOptions.None.Values)
    {
    }

    /// <summary>The names map, or null when no expression needs one (the SDK then sends none).</summary>
    public Dictionary<string, string>? Names => names.Count == 0 ? null : names;

    /// <summary>The values known when building; operations copy it per request when they add the key value.</summary>
    public Dictionary<string, AttributeValue>? Values => values.Count == 0 ? null : values;

    /// <summary>A placeholder for <paramref name="attribute"/>, the same one each time it is asked for.</summary>
    public string Name(string attribute)
    {
        foreach (var (placeholder, name) in names)
        {
            if (name == attribute && ExpressionPlaceholders.IsReserved(placeholder))
                return placeholder;
        }

        var added = "#" + ExpressionPlaceholders.Reserved + names.Count.ToString(CultureInfo.InvariantCulture);
        names.Add(added, attribute);
        return added;
    }

    /// <summary>A placeholder for a value the driver supplies.</summary>
    public string Value(AttributeValue value)
    {
        var added = ":" + ExpressionPlaceholders.Reserved + values.Count.ToString(CultureInfo.InvariantCulture);
        values.Add(added, value);
        return added;
    }

    /// <summary>The name of the placeholder a per-request value will take (added to a copy of <see cref="Values"/>).</summary>
    public static string RequestValue(string label) => ":" + ExpressionPlaceholders.Reserved + label;

    /// <summary>
    /// Registers a user expression: each <c>#name</c> stands for the attribute <c>name</c>, each <c>:name</c> must
    /// have a value in the options. Returns the expression unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">A <c>:name</c> has no value.</exception>
    public string User(string expression, string what)
    {
        foreach (var placeholder in ExpressionPlaceholders.Names(expression))
            names.TryAdd(placeholder, placeholder[1..]);
        foreach (var placeholder in ExpressionPlaceholders.Values(expression))
        {
            if (!userValues.TryGetValue(placeholder, out var value))
                throw new ArgumentException($"The {what} '{expression}' uses {placeholder}, which has no value; add it under values.", nameof(expression));
            values.TryAdd(placeholder, AttributeValues.From(value));
        }

        return expression;
    }

    /// <summary><c>#ll0, #ll1</c> for a projection, or null when the whole item is wanted.</summary>
    public string? Projection(IReadOnlyList<string> attributes)
    {
        if (attributes.Count == 0)
            return null;
        var text = new StringBuilder();
        foreach (var attribute in attributes)
        {
            if (text.Length > 0)
                text.Append(", ");
            text.Append(Name(attribute));
        }

        return text.ToString();
    }

    /// <summary>Both conditions joined with AND; either may be null.</summary>
    public static string? And(string? a, string? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => $"({a}) AND ({b})",
    };
}
