using LoadLab.Runner.Suites;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.UnitTests.Runner.Suites.Schema;
using LoadLab.UnitTests.DynamoDb;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

/// <summary>
/// Every suite file under scenarios/ (found by listing the folder, so a new file is covered without editing this
/// test) is valid against the schema editors use and is loaded by the real loader with no error.
/// </summary>
public class ScenarioFilesTests
{
    public static TheoryData<string> SuiteFiles() => new(Files());

    private static IEnumerable<string> Files()
    {
        string folder = RepositoryPath("scenarios");
        return Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(folder, f))
            .Order(StringComparer.Ordinal);
    }

    [Fact]
    public void The_ready_suites_are_among_the_files_found()
    {
        var files = Files().ToList();

        Assert.Superset(new HashSet<string>(["quickstart.yaml", "read-heavy.yaml", "write-heavy.yaml", "query-patterns.yaml"]), files.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void Suite_file_is_valid_against_the_schema(string file)
    {
        var problems = SuiteSchemaValidator.Problems(File.ReadAllText(RepositoryPath("scenarios", file)));

        Assert.True(problems.Count == 0, $"{file}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void Suite_file_loads_and_every_scenario_builds_an_executor(string file)
    {
        var plan = SuiteLoader.Load(RepositoryPath("scenarios", file), Options);
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));

        Assert.NotEmpty(plan.Scenarios);
        foreach (var scenario in plan.Scenarios)
        {
            var table = plan.Tables.Single(t => t.Id == scenario.TableId);
            var data = plan.DataSets.Single(d => d.TableId == scenario.TableId);
            var executor = new DynamoDbOperationExecutor(http.CreateClient(), scenario, table, data, DataModels.For(data), plan.Seed,
                null, new DriverOptions { Target = TargetCapabilities.DynamoDb });
            Assert.Empty(executor.Warnings);
        }
    }

    [Theory]
    [InlineData("name: s\ntables: { t: { name: t, key: { pk: S } } }\nscenarios: [ { name: a, table: t, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] } ]\ncolour: red\n")]
    [InlineData("name: s\ntables: { t: { name: t, key: { pk: S } } }\nscenarios: [ { name: a, table: t, mix: { gett: 1 }, load: [ { rate: 1, for: 1s } ] } ]\n")]
    [InlineData("name: s\ntables: { t: { name: t, key: { pk: S } } }\nscenarios: [ { name: a, table: t, mix: { get: 1 }, load: [ { rate: 1, for: 10 } ] } ]\n")]
    [InlineData("name: s\ntables: { t: { name: t, key: { pk: S } } }\nscenarios: [ { name: a, table: t, mix: { get: 1 }, load: [ { rate: 1, for: 1s, pause: 1s } ] } ]\n")]
    public void The_schema_check_refuses_broken_suites(string yaml)
    {
        Assert.NotEmpty(SuiteSchemaValidator.Problems(yaml));
    }

    [Fact]
    public void A_minimal_suite_passes_the_schema_check()
    {
        Assert.Empty(SuiteSchemaValidator.Problems(
            "name: s\ntables: { t: { name: t, key: { pk: S } } }\nscenarios: [ { name: a, table: t, mix: { get: 1 }, load: [ { rate: 1, for: 1s } ] } ]\n"));
    }
}
