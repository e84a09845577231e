using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Json;

/// <summary>
/// The JSON Schema of results.json, exported from the same serializer options and types that write the file, so it
/// cannot describe anything the writer does not produce. Committed as reports/results.schema.json; a unit test fails
/// when the committed file differs from what this generates.
/// </summary>
public static class ResultsSchema
{
    public const string FileName = "results.schema.json";

    public static string Generate()
    {
        var exported = JsonSchemaExporter.GetJsonSchemaAsNode(
            ResultsJson.Options,
            typeof(RunResult),
            new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "LoadLab results.json",
            ["description"] = FormattableString.Invariant(
                $"One run's results (schemaVersion {RunResult.CurrentSchemaVersion}), field by field in reports/README.md. Generated from the RunResult types by LoadLab.Reports.Json.ResultsSchema; do not edit by hand."),
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
