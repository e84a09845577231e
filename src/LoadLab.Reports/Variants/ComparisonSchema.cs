using LoadLab.Reports.Json;

namespace LoadLab.Reports.Variants;

/// <summary>The JSON Schema of comparison.json, exported from its types; committed as reports/comparison.schema.json (a unit test fails when stale).</summary>
public static class ComparisonSchema
{
    public const string FileName = "comparison.schema.json";

    public static string Generate() => SchemaExport.Generate(
        ComparisonJson.Options,
        typeof(ComparisonDocument),
        "LoadLab comparison.json",
        FormattableString.Invariant(
            $"A comparison of designs (schemaVersion {ComparisonDocument.CurrentSchemaVersion}): the verdict and every row, described in reports/README.md. Generated from the types by LoadLab.Reports.Variants.ComparisonSchema; do not edit by hand."));
}
