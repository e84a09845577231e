using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace LoadLab.Reports.Json;

/// <summary>
/// Exports a JSON Schema from the very serializer options and types that write a file, so the schema cannot describe
/// anything the writer does not produce (results.json, comparison.json).
/// </summary>
internal static class SchemaExport
{
    public static string Generate(JsonSerializerOptions options, Type type, string title, string description)
    {
        var exported = JsonSchemaExporter.GetJsonSchemaAsNode(options, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = title,
            ["description"] = description,
        };
        OptionalWhenNullable(exported);
        foreach (var (keyword, value) in exported.AsObject().ToList())
        {
            exported.AsObject().Remove(keyword);
            schema[keyword] = value;
        }

        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>
    /// The exporter requires every constructor parameter, but the writer leaves null values out: a property that may be
    /// null is therefore optional in the file.
    /// </summary>
    private static void OptionalWhenNullable(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
                OptionalWhenNullable(item);
            return;
        }

        if (node is not JsonObject obj)
            return;
        if (obj["properties"] is JsonObject properties && obj["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r!.GetValue<string>()).ToList())
            {
                if (properties[name] is JsonObject property && AllowsNull(property))
                    required.Remove(required.First(r => r!.GetValue<string>() == name));
            }

            if (required.Count == 0)
                obj.Remove("required");
        }

        foreach (var (_, child) in obj.ToList())
            OptionalWhenNullable(child);
    }

    private static bool AllowsNull(JsonObject property) => property["type"] switch
    {
        JsonArray types => types.Any(t => t?.GetValue<string>() == "null"),
        JsonValue type => type.GetValue<string>() == "null",
        _ => false,
    };
}
