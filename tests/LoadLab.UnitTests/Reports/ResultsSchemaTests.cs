using System.Text.Json.Nodes;
using LoadLab.Reports.Json;
using LoadLab.Reports.Samples;
using NJsonSchema;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Reports;

/// <summary>reports/results.schema.json is what the writer's types export, and real results files validate against it.</summary>
public sealed class ResultsSchemaTests
{
    private const string Regenerate = "LOADLAB_WRITE_SCHEMA=1 dotnet test tests/LoadLab.UnitTests --filter \"FullyQualifiedName~ResultsSchemaTests\"";

    private static string CommittedPath => RepositoryPath("reports", ResultsSchema.FileName);

    [Fact]
    public void The_committed_schema_is_what_the_results_types_generate()
    {
        string generated = ResultsSchema.Generate();
        if (Environment.GetEnvironmentVariable("LOADLAB_WRITE_SCHEMA") == "1")
            File.WriteAllText(CommittedPath, generated);

        Assert.True(File.Exists(CommittedPath), $"reports/{ResultsSchema.FileName} is missing; write it with: {Regenerate}");
        Assert.True(generated == File.ReadAllText(CommittedPath), $"reports/{ResultsSchema.FileName} is stale; regenerate it with: {Regenerate}");
    }

    [Fact]
    public async Task A_full_results_file_validates_and_a_damaged_one_does_not()
    {
        var schema = await JsonSchema.FromJsonAsync(ResultsSchema.Generate());
        string json = ResultsJson.Serialize(SampleRun.Create());

        Assert.Empty(schema.Validate(json));

        var damaged = JsonNode.Parse(json)!.AsObject();
        damaged["schemaVersion"] = "one";
        damaged["scenarios"]![0]!["operations"]![0]!["latency"] = "fast";
        // Nested errors are reported under their array item; their text names the full path.
        string errors = string.Join("\n", schema.Validate(damaged.ToJsonString()).Select(e => e.ToString()));
        Assert.Contains("IntegerExpected: #/schemaVersion", errors, StringComparison.Ordinal);
        Assert.Contains("ObjectExpected: #/scenarios[0].operations[0].latency", errors, StringComparison.Ordinal);
    }
}
