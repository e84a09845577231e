using LoadLab.Cli.Suites;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.UnitTests.DynamoDb;
using static LoadLab.UnitTests.Cli.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Cli.Suites;

// The ready suites under scenarios/: they load, and the driver accepts every scenario of them before any request.
public class ScenarioSuitesTests
{
    [Theory]
    [InlineData("read-heavy.yaml", "profile-reads:get,batchGet,query,update")]
    [InlineData("write-heavy.yaml", "ingest:put,update,get,delete", "bulk-load:batchWrite")]
    [InlineData("query-patterns.yaml", "by-sort-key:query", "filtered:query", "listing-scan:scan")]
    public void Ready_suites_load_and_every_scenario_builds_an_executor(string file, params string[] scenarios)
    {
        var plan = SuiteLoader.Load(RepositoryPath("scenarios", file), Options);
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));

        Assert.Equal(scenarios, plan.Scenarios.Select(s => s.Name + ":" + string.Join(",", s.Mix.Select(m => m.Operation))));
        foreach (var scenario in plan.Scenarios)
        {
            var table = plan.Tables.Single(t => t.Id == scenario.TableId);
            var data = plan.DataSets.Single(d => d.TableId == scenario.TableId);
            var executor = new DynamoDbOperationExecutor(http.CreateClient(), scenario, table, data, DataModels.Get(data.Model), plan.Seed,
                null, new DriverOptions { Target = TargetCapabilities.Dynalite });
            Assert.Empty(executor.Warnings);
        }
    }
}
