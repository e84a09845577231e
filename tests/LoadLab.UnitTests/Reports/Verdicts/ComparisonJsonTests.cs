using System.Text.Json.Nodes;
using LoadLab.Reports.Variants;
using LoadLab.Reports.Verdicts;
using NJsonSchema;
using static LoadLab.UnitTests.Reports.Verdicts.DesignRuns;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Reports.Verdicts;

/// <summary>comparison.json: the verdict and the rows in the documented shape, and reports/comparison.schema.json generated from its types.</summary>
public sealed class ComparisonJsonTests
{
    private const string Regenerate = "LOADLAB_WRITE_SCHEMA=1 dotnet test tests/LoadLab.UnitTests --filter \"FullyQualifiedName~ComparisonJsonTests\"";

    private static string CommittedPath => RepositoryPath("reports", ComparisonSchema.FileName);

    [Fact]
    public void The_committed_schema_is_what_the_comparison_types_generate()
    {
        string generated = ComparisonSchema.Generate();
        if (Environment.GetEnvironmentVariable("LOADLAB_WRITE_SCHEMA") == "1")
            File.WriteAllText(CommittedPath, generated);

        Assert.True(File.Exists(CommittedPath), $"reports/{ComparisonSchema.FileName} is missing; write it with: {Regenerate}");
        Assert.True(generated == File.ReadAllText(CommittedPath), $"reports/{ComparisonSchema.FileName} is stale; regenerate it with: {Regenerate}");
    }

    [Fact]
    public async Task The_file_has_the_verdict_and_rows_with_values_by_variant_and_validates()
    {
        var judgement = DesignJudge.Judge([Design("by-tenant", 1_000, failedPerSecond: 50), Design("sharded", 3_000, seed: 2)]);

        string json = ComparisonJson.Serialize(judgement);

        var schema = await JsonSchema.FromJsonAsync(ComparisonSchema.Generate());
        Assert.Empty(schema.Validate(json));
        var root = JsonNode.Parse(json)!;
        Assert.Equal(["by-tenant", "sharded"], root["variants"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal("sharded", root["verdict"]!["best"]!.GetValue<string>());
        Assert.Equal(judgement.Verdict.Reason, root["verdict"]!["reason"]!.GetValue<string>());
        var failure = root["rows"]!.AsArray().Single(r => r!["metric"]!.GetValue<string>() == "orders/put: failure rate (throttled + errors)")!;
        Assert.Equal(50, failure["values"]!["by-tenant"]!.GetValue<double>());
        Assert.Equal(0, failure["values"]!["sharded"]!.GetValue<double>());
        Assert.Equal("sharded", failure["better"]!.GetValue<string>());
        Assert.True(failure["significant"]!.GetValue<bool>());
        var whatIf = root["rows"]!.AsArray().First(r => r!["kind"]!.GetValue<string>() == "whatIf")!;
        Assert.Null(whatIf["better"]);
        Assert.False(whatIf["significant"]!.GetValue<bool>());
    }
}
