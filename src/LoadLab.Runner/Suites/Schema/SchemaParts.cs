using System.Text.Json.Nodes;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>
/// Small constructors for JSON Schema fragments, so the suite schema model reads as a list of keys with their
/// types and descriptions rather than as JSON plumbing. Each returns a fresh node (a node has one parent).
/// </summary>
internal static class SchemaParts
{
    public static JsonObject Ref(string definition, string? description = null) =>
        Described(new JsonObject { ["$ref"] = "#/$defs/" + definition }, description);

    public static JsonObject Text(string? description = null, int? minLength = null, int? maxLength = null) =>
        Described(new JsonObject { ["type"] = "string" }, description)
            .With("minLength", minLength)
            .With("maxLength", maxLength);

    public static JsonObject Pattern(string pattern, string description) =>
        new() { ["type"] = "string", ["pattern"] = pattern, ["description"] = description };

    public static JsonObject Integer(string? description = null, long? minimum = null, long? maximum = null) =>
        Described(new JsonObject { ["type"] = "integer" }, description)
            .With("minimum", minimum)
            .With("maximum", maximum);

    public static JsonObject Number(string? description = null, double? minimum = null, double? maximum = null, double? exclusiveMinimum = null) =>
        Described(new JsonObject { ["type"] = "number" }, description)
            .With("exclusiveMinimum", exclusiveMinimum)
            .With("minimum", minimum)
            .With("maximum", maximum);

    public static JsonObject Boolean(string description, bool @default) =>
        new() { ["type"] = "boolean", ["default"] = @default, ["description"] = description };

    public static JsonObject Enum(IEnumerable<string> values, string? description = null) =>
        Described(new JsonObject { ["enum"] = Strings(values) }, description);

    public static JsonObject OneOf(string? description, params JsonNode[] choices) =>
        Described(new JsonObject { ["oneOf"] = new JsonArray(choices) }, description);

    /// <summary>An object whose keys are free (names, ids) and whose values all follow <paramref name="values"/>.</summary>
    public static JsonObject MapOf(JsonNode values, string? description = null) =>
        Described(new JsonObject { ["type"] = "object" }, description).With("additionalProperties", values);

    public static JsonObject ArrayOf(JsonNode items, string description, int? minItems = null) =>
        new JsonObject { ["type"] = "array" }.With("minItems", minItems).With("description", description).With("items", items);

    /// <summary>A list of distinct attribute names, at least one.</summary>
    public static JsonObject NameList(JsonObject items, string? description = null) =>
        Described(new JsonObject { ["type"] = "array", ["minItems"] = 1, ["uniqueItems"] = true, ["items"] = items }, description);

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v)!)]);

    public static JsonArray Types(params string[] types) => Strings(types);

    /// <summary>Adds a keyword unless <paramref name="value"/> is null; returns the same object for chaining.</summary>
    public static JsonObject With(this JsonObject schema, string keyword, JsonNode? value)
    {
        if (value is not null)
            schema[keyword] = value;
        return schema;
    }

    public static JsonObject With(this JsonObject schema, string keyword, long? value) =>
        value is { } v ? schema.With(keyword, JsonValue.Create(v)) : schema;

    public static JsonObject With(this JsonObject schema, string keyword, double? value) =>
        value is { } v ? schema.With(keyword, JsonValue.Create(v)) : schema;

    public static JsonObject With(this JsonObject schema, string keyword, string? value) =>
        value is { } v ? schema.With(keyword, JsonValue.Create(v)) : schema;

    public static JsonObject Default(this JsonObject schema, JsonNode value) => schema.With("default", value);

    /// <summary>Example values editors offer: text or numbers.</summary>
    public static JsonObject Examples(this JsonObject schema, params object[] values) =>
        schema.With("examples", new JsonArray([.. values.Select(v => v switch
        {
            string text => JsonValue.Create(text),
            int number => (JsonNode)JsonValue.Create(number),
            _ => throw new ArgumentException($"Unsupported example {v}.", nameof(values)),
        })]));

    private static JsonObject Described(JsonObject schema, string? description) => schema.With("description", description);
}
