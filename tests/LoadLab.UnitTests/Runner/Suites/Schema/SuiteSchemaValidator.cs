using NJsonSchema;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites.Schema;

/// <summary>Checks suite YAML against the committed scenarios/suite.schema.json with NJsonSchema.</summary>
internal static class SuiteSchemaValidator
{
    // NJsonSchema 11 resolves references under "definitions" (draft 4–7) but not 2020-12's "$defs"; the two mean
    // the same, so the schema is read with the older spelling. Keywords it does not know (if/then/else,
    // propertyNames) are skipped, which can only make it more lenient, never refuse a valid suite.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        string text = File.ReadAllText(RepositoryPath("scenarios", "suite.schema.json"))
            .Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal)
            .Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    });

    /// <summary>Each schema error as "kind at path"; empty when the suite is valid.</summary>
    public static IReadOnlyList<string> Problems(string yaml)
    {
        string json = YamlToJson.Convert(yaml)!.ToJsonString();
        return [.. Schema.Value.Validate(json).Select(e => $"{e.Kind} at {e.Path}")];
    }
}
