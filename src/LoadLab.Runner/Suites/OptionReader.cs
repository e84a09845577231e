using System.Buffers;
using System.Globalization;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Typed reads for operation options: booleans, attribute lists, expression values and update assignments. Like
/// <see cref="ScalarReader"/>, each reports a problem at its position and returns null.
/// </summary>
internal static class OptionReader
{
    private static readonly IReadOnlyList<string> Booleans = ["true", "false"];

    /// <summary>What may follow the colon of a value placeholder.</summary>
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>Explicit DynamoDB types for a value that would otherwise be inferred, e.g. <c>{ S: "01234" }</c>.</summary>
    private static readonly IReadOnlyList<string> ValueTypes = ["S", "N", "BOOL"];

    public static bool? Bool(Node node, string what, SuiteDiagnostics diagnostics) =>
        ScalarReader.Choice(node, what, Booleans, diagnostics) is { } text ? text == "true" : null;

    /// <summary>A list of distinct attribute names, e.g. <c>[name, email]</c>.</summary>
    public static IReadOnlyList<string>? Names(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var sequence = ScalarReader.Sequence(node, what, diagnostics);
        if (sequence is null)
            return null;
        if (sequence.Items.Count == 0)
        {
            diagnostics.Add(sequence, $"{what}: list at least one attribute, or leave '{what}' out to read whole items");
            return null;
        }
        var before = diagnostics.Count;
        var names = new List<string>();
        foreach (var item in sequence.Items)
        {
            if (ScalarReader.Text(item, what, diagnostics) is not { } name)
                continue;
            // DynamoDB refuses a projection that names an attribute twice ("document paths overlap").
            if (names.Contains(name))
                diagnostics.Add(item, $"{what}: '{name}' is listed twice");
            else
                names.Add(name);
        }
        return diagnostics.Count > before ? null : names;
    }

    /// <summary><c>values: { ":min": 100 }</c>: expression placeholders and their values.</summary>
    public static IReadOnlyDictionary<string, ExpressionValue>? Values(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, what, diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var values = new Dictionary<string, ExpressionValue>(StringComparer.Ordinal);
        foreach (var (key, valueNode) in MappingReader.Open(mapping, what, diagnostics).Entries)
        {
            if (!IsValuePlaceholder(key.Value))
            {
                diagnostics.Add(key, $"{what}: '{key.Value}' is not a value placeholder; write a colon and a name, e.g. \":min\" (quoted, because of the colon)");
                continue;
            }
            if (ExpressionPlaceholders.IsReserved(key.Value))
            {
                diagnostics.Add(key, $"{what}: placeholders starting with ':{ExpressionPlaceholders.Reserved}' are kept for LoadLab's own; rename '{key.Value}'");
                continue;
            }
            if (Value(valueNode, $"{what}.{key.Value}", diagnostics) is { } value)
                values.Add(key.Value, value);
        }
        return diagnostics.Count > before ? null : values.AsReadOnly();
    }

    /// <summary><c>add: { visits: 1 }</c> (numbers only) or <c>set: { tier: gold }</c>: attributes and values, in file order.</summary>
    public static IReadOnlyList<AttributeAssignment>? Assignments(Node node, string what, bool numbersOnly, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, what, diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Open(mapping, what, diagnostics);
        if (reader.Entries.Count == 0)
            diagnostics.Add(mapping, $"{what}: name at least one attribute, e.g. {(numbersOnly ? "{ visits: 1 }" : "{ tier: gold }")}");
        var assignments = new List<AttributeAssignment>();
        foreach (var (attribute, valueNode) in reader.Entries)
        {
            var value = numbersOnly
                ? ScalarReader.Number(valueNode, $"{what}.{attribute.Value}", double.MinValue, double.MaxValue, minExclusive: false, diagnostics) is not null
                    ? ExpressionValue.Number(((ScalarNode)valueNode).Value)
                    : null
                : Value(valueNode, $"{what}.{attribute.Value}", diagnostics);
            if (value is not null)
                assignments.Add(new AttributeAssignment(attribute.Value, value));
        }
        return diagnostics.Count > before ? null : assignments;
    }

    /// <summary>
    /// A scalar typed as it reads: true/false are BOOL, numbers are N, anything else S. A one-key mapping
    /// (<c>{ S: "01234" }</c>, <c>{ N: 5 }</c>, <c>{ BOOL: true }</c>) states the type where inference would guess wrong.
    /// </summary>
    public static ExpressionValue? Value(Node node, string what, SuiteDiagnostics diagnostics)
    {
        if (node is MappingNode mapping)
            return Typed(mapping, what, diagnostics);
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            diagnostics.Add(node, $"{what}: expected a value (text, a number, true or false), found {node.Found}");
            return null;
        }
        if (scalar.Value is "true" or "false")
            return ExpressionValue.Boolean(scalar.Value == "true");
        return IsNumber(scalar.Value) ? ExpressionValue.Number(scalar.Value) : ExpressionValue.String(scalar.Value);
    }

    private static ExpressionValue? Typed(MappingNode mapping, string what, SuiteDiagnostics diagnostics)
    {
        var entries = MappingReader.Fixed(mapping, what, ValueTypes, diagnostics).Entries;
        if (entries.Count != 1)
        {
            diagnostics.Add(mapping, $"{what}: a typed value has exactly one of {string.Join(", ", ValueTypes)}, e.g. {{ S: \"01234\" }}");
            return null;
        }
        var (type, value) = entries[0];
        return type.Value switch
        {
            "N" => ScalarReader.Number(value, $"{what}.N", double.MinValue, double.MaxValue, minExclusive: false, diagnostics) is null
                ? null
                : ExpressionValue.Number(((ScalarNode)value).Value),
            "BOOL" => Bool(value, $"{what}.BOOL", diagnostics) is { } b ? ExpressionValue.Boolean(b) : null,
            "S" => ScalarReader.Text(value, $"{what}.S", diagnostics) is { } s ? ExpressionValue.String(s) : null,
            _ => null,
        };
    }

    internal static bool IsNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number);

    private static bool IsValuePlaceholder(string text) =>
        text.Length > 1 && text[0] == ':' && !text.AsSpan(1).ContainsAnyExcept(NameChars);
}
