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

    public static string Generate() => SchemaExport.Generate(
        ResultsJson.Options,
        typeof(RunResult),
        "LoadLab results.json",
        FormattableString.Invariant(
            $"One run's results (schemaVersion {RunResult.CurrentSchemaVersion}), field by field in reports/README.md. Generated from the RunResult types by LoadLab.Reports.Json.ResultsSchema; do not edit by hand."));
}
