using System.Text.Json.Nodes;
using LoadLab.Runner.Suites;
using LoadLab.Runner.Suites.Schema;
using static LoadLab.Runner.Suites.Schema.SchemaParts;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites.Schema;

/// <summary>
/// scenarios/suite.schema.json is generated from SuiteSchemaModel: the committed file must be what the model
/// generates, and the model must describe every key the loader accepts. With LOADLAB_WRITE_SCHEMA=1 the first
/// test rewrites the file instead of comparing (the only way the file is meant to change).
/// </summary>
public sealed class SuiteSchemaGenerationTests
{
    [Fact]
    public void Committed_schema_is_what_the_model_generates()
    {
        string path = RepositoryPath(SuiteSchemaText.RepositoryPath);
        string generated = SuiteSchemaText.Generate();
        if (Environment.GetEnvironmentVariable("LOADLAB_WRITE_SCHEMA") == "1")
            File.WriteAllText(path, generated);

        string committed = File.ReadAllText(path).ReplaceLineEndings("\n");

        Assert.True(committed == generated,
            $"scenarios/suite.schema.json is stale: it differs from what src/LoadLab.Runner/Suites/Schema/SuiteSchemaModel.cs generates " +
            $"(first difference at character {FirstDifference(committed, generated)}). Regenerate it with:\n    {SuiteSchemaText.RegenerateCommand}");
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        Assert.Equal(SuiteSchemaText.Generate(), SuiteSchemaText.Generate());
    }

    [Fact]
    public void A_key_without_a_type_in_the_model_fails_generation_and_names_the_key()
    {
        var e = Assert.Throws<SchemaModelException>(() => SchemaPlace.Build(
            "SuiteKeys.Root",
            ["name", "variants"],
            new Dictionary<string, JsonObject> { ["name"] = Text("The suite's name.") },
            new List<(string, string)>()));

        Assert.Contains("SuiteKeys.Root has the key 'variants'", e.Message, StringComparison.Ordinal);
        Assert.Contains("[\"variants\"] =", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_without_a_description_fails_generation()
    {
        var e = Assert.Throws<SchemaModelException>(() => SchemaPlace.Build(
            "SuiteKeys.Warm",
            ["read"],
            new Dictionary<string, JsonObject> { ["read"] = Integer(minimum: 1) },
            new List<(string, string)>()));

        Assert.Contains("SuiteKeys.Warm: the key 'read' has no description", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_the_loader_does_not_accept_fails_generation()
    {
        var e = Assert.Throws<SchemaModelException>(() => SchemaPlace.Build(
            "SuiteKeys.Warm",
            ["read"],
            new Dictionary<string, JsonObject> { ["read"] = Integer("Units.", minimum: 1), ["reed"] = Integer("Typo.") },
            new List<(string, string)>()));

        Assert.Contains("'reed' under SuiteKeys.Warm, which the loader does not accept", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_reference_borrows_its_description_from_the_definition()
    {
        var borrowed = new List<(string Place, string Definition)>();

        var schema = SchemaPlace.Build("SuiteKeys.Table", ["key"], new Dictionary<string, JsonObject> { ["key"] = Ref("key") }, borrowed);

        Assert.Equal([("SuiteKeys.Table 'key'", "key")], borrowed);
        Assert.Equal("#/$defs/key", (string?)schema["properties"]!["key"]!["$ref"]);
        Assert.False((bool)schema["additionalProperties"]!);
    }

    [Fact]
    public void The_model_puts_every_key_list_of_the_loader_under_its_definition()
    {
        var document = SuiteSchemaModel.Document();
        var keys = KeyPointers(document).ToList();

        // Spot checks from different places: each key list of SuiteKeys lands under the right definition.
        Assert.Contains("/$defs/table/properties/warm", keys);
        Assert.Contains("/$defs/budget/properties/abortAfter", keys);
        Assert.Contains("/$defs/rampConcurrencyPhase/properties/rampConcurrency/properties/over", keys);
        foreach (var key in SuiteKeys.Root)
            Assert.Contains("/properties/" + key, keys);
        foreach (var operation in SuiteValues.Operations)
        {
            Assert.Contains("/$defs/mix/properties/" + operation, keys);
            Assert.NotNull(document["$defs"]![operation + "Options"]);
        }
    }

    private static IEnumerable<string> KeyPointers(JsonNode? node, string pointer = "")
    {
        if (node is not JsonObject obj) yield break;
        foreach (var (name, child) in obj)
        {
            if (name == "properties" && child is JsonObject properties && !pointer.EndsWith("/if", StringComparison.Ordinal))
            {
                foreach (var (key, _) in properties)
                    yield return pointer + "/properties/" + key;
            }

            foreach (var nested in KeyPointers(child, pointer + "/" + name))
                yield return nested;
        }
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i]) return i;
        }
        return n;
    }
}
