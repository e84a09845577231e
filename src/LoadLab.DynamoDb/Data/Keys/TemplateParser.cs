using System.Globalization;
using System.Text;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Keys;

/// <summary>Turns template text into parts, checking every placeholder against the model's fields.</summary>
internal static class TemplateParser
{
    private const string ShardPrefix = "shard(";

    public static TemplatePart[] Parse(string text, ModelSchema schema)
    {
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '{' && At(text, i + 1, '{'))
            {
                literal.Append('{');
                i++;
            }
            else if (c == '{')
            {
                int close = text.IndexOf('}', i + 1);
                if (close < 0)
                    throw Error(text, Formatting($"'{{' at character {i + 1} is not closed (write '{{{{' for a literal brace)"));
                Flush(literal, parts);
                parts.Add(Placeholder(text[(i + 1)..close], text, schema));
                i = close;
            }
            else if (c == '}' && At(text, i + 1, '}'))
            {
                literal.Append('}');
                i++;
            }
            else if (c == '}')
            {
                throw Error(text, Formatting($"'}}' at character {i + 1} closes nothing (write '}}}}' for a literal brace)"));
            }
            else
            {
                literal.Append(c);
            }
        }

        Flush(literal, parts);
        if (parts.Count == 0)
            throw Error(text, "the template is empty");
        if (parts.OfType<ShardPart>().Select(p => p.Count).Distinct().Count() > 1)
            throw Error(text, "every {shard(N)} of one template must use the same N");
        return [.. parts];
    }

    private static TemplatePart Placeholder(string content, string text, ModelSchema schema)
    {
        int colon = content.IndexOf(':', StringComparison.Ordinal);
        string name = (colon < 0 ? content : content[..colon]).Trim();
        string? format = colon < 0 ? null : content[(colon + 1)..];
        if (format is { Length: 0 })
            throw Error(text, $"'{{{content}}}' has an empty format after ':'");
        if (name.Length == 0)
            throw Error(text, "'{}' names no field");

        if (name == ModelSchema.IndexField)
            return new IndexPart(NumberFormat(format, name, text));
        if (name.StartsWith(ShardPrefix, StringComparison.Ordinal))
            return new ShardPart(ShardCount(name, text), NumberFormat(format, name, text));
        if (name.Contains('(', StringComparison.Ordinal))
            throw Error(text, $"'{name}' is not a placeholder; the only function is shard(N), e.g. {{shard(10)}}");

        var field = schema.Find(name) ?? throw UnknownField(name, text, schema);
        return field.Kind switch
        {
            FieldKind.Number => new FieldPart(name, field.Kind, NumberFormat(format, name, text)),
            FieldKind.Date => new FieldPart(name, field.Kind, DateFormat(format, name, text)),
            FieldKind.String or FieldKind.Bool when format is not null =>
                throw Error(text, $"'{name}' is {field.Kind.Describe()}; formats apply to numbers (e.g. D8) and dates (e.g. yyyy-MM-dd)"),
            FieldKind.String or FieldKind.Bool => new FieldPart(name, field.Kind, null),
            _ => throw Error(text, $"'{name}' is {field.Kind.Describe()}; templates take strings, numbers, dates and booleans"),
        };
    }

    private static int ShardCount(string name, string text)
    {
        string inner = name[ShardPrefix.Length..];
        if (!inner.EndsWith(')') || !int.TryParse(inner[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || count > KeyTemplate.MaxShards)
            throw Error(text, Formatting($"'{name}': expected shard(N) with N from 1 to {KeyTemplate.MaxShards:N0}, e.g. shard(10)"));
        return count;
    }

    private static string? NumberFormat(string? format, string name, string text)
    {
        if (format is null)
            return null;
        string a, b;
        try
        {
            a = 12345L.ToString(format, CultureInfo.InvariantCulture);
            b = 67890L.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw Error(text, $"'{name}:{format}' is not a .NET numeric format; e.g. D8 pads to 8 digits");
        }

        // A format that prints the same text for different values shows nothing of the value: likely a date format.
        if (a == b)
            throw Error(text, $"'{name}:{format}' does not show the number; use a .NET numeric format such as D8 or 0000");
        return format;
    }

    private static string? DateFormat(string? format, string name, string text)
    {
        if (format is null)
            return null;
        string a, b;
        try
        {
            a = new DateTime(2021, 2, 3, 4, 5, 6, 7, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);
            b = new DateTime(2032, 11, 12, 13, 14, 15, 678, DateTimeKind.Utc).ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            throw Error(text, $"'{name}:{format}' is not a .NET date format; e.g. yyyy-MM-dd, or yyyy-MM for monthly buckets");
        }

        if (a == b)
            throw Error(text, $"'{name}:{format}' does not show the date; use a date format such as yyyy-MM-dd or yyyy-MM");
        return format;
    }

    private static DataDesignException UnknownField(string name, string text, ModelSchema schema)
    {
        var candidates = schema.Paths.Append(ModelSchema.IndexField).ToList();
        return new DataDesignException(
            $"unknown field '{name}' in template '{text}'; {schema.Model} fields: {string.Join(", ", schema.Paths)} (and index, shard(N))",
            name,
            candidates);
    }

    private static DataDesignException Error(string text, string problem) => new($"template '{text}': {problem}");

    private static bool At(string text, int i, char c) => i < text.Length && text[i] == c;

    private static void Flush(StringBuilder literal, List<TemplatePart> parts)
    {
        if (literal.Length == 0)
            return;
        parts.Add(new LiteralPart(literal.ToString()));
        literal.Clear();
    }

    private static string Formatting(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
