using System.Text.Json.Nodes;

namespace LoadLab.Runner.Suites.Schema;

/// <summary>
/// One object of the suite format whose keys are one list of <see cref="SuiteKeys"/> (or <see cref="SuiteValues"/>):
/// builds its schema with the properties in the list's order and refuses a model that misses a key, names a key
/// the loader does not accept, or leaves a key without a description.
/// </summary>
internal static class SchemaPlace
{
    /// <param name="list">The list's name as written in code, e.g. <c>SuiteKeys.Table</c>; it names the place in errors.</param>
    /// <param name="keys">The keys the loader accepts here.</param>
    /// <param name="properties">Each key's schema; a <c>$ref</c> alone is described by the definition it points to.</param>
    /// <param name="borrowed">Receives (place, definition) for keys that are a bare <c>$ref</c>: the caller checks, once
    /// every definition exists, that the definition has the description.</param>
    public static JsonObject Build(
        string list,
        IReadOnlyList<string> keys,
        IReadOnlyDictionary<string, JsonObject> properties,
        ICollection<(string Place, string Definition)> borrowed,
        string? description = null,
        IReadOnlyList<string>? required = null)
    {
        var problems = new List<string>();
        foreach (var key in keys.Where(k => !properties.ContainsKey(k)))
            problems.Add($"{list} has the key '{key}' but the schema model gives it no type: add [\"{key}\"] = … with a description to its place in SuiteSchemaModel.");
        foreach (var key in properties.Keys.Where(k => !keys.Contains(k)))
            problems.Add($"The schema model describes '{key}' under {list}, which the loader does not accept: remove it or add it to {list}.");
        foreach (var key in (required ?? []).Where(k => !keys.Contains(k)))
            problems.Add($"The schema model requires '{key}' under {list}, which the loader does not accept.");
        foreach (var (key, schema) in properties.Where(p => keys.Contains(p.Key)))
        {
            if (Definition(schema) is { } definition)
                borrowed.Add(($"{list} '{key}'", definition));
            else if (!HasDescription(schema))
                problems.Add($"{list}: the key '{key}' has no description in SuiteSchemaModel (write one; editors show it).");
        }
        if (problems.Count > 0)
            throw new SchemaModelException(string.Join(Environment.NewLine, problems));

        var result = new JsonObject { ["type"] = "object", ["additionalProperties"] = false };
        if (description is not null)
            result["description"] = description;
        if (required is { Count: > 0 })
            result["required"] = SchemaParts.Strings(required);
        var props = new JsonObject();
        foreach (var key in keys)
            props[key] = properties[key];
        result["properties"] = props;
        return result;
    }

    public static bool HasDescription(JsonObject schema) =>
        schema["description"] is JsonValue text && text.GetValue<string>().Length > 0;

    /// <summary>The definition a schema without its own description borrows one from.</summary>
    private static string? Definition(JsonObject schema) =>
        !HasDescription(schema) && schema["$ref"] is JsonValue reference && reference.GetValue<string>() is var target
            && target.StartsWith(Prefix, StringComparison.Ordinal)
            ? target[Prefix.Length..]
            : null;

    private const string Prefix = "#/$defs/";
}
