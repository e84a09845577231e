using LoadLab.Runner.Suites;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.UnitTests.DynamoDb;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Suites;

// The ready suites under scenarios/: they load, and the driver accepts every scenario of them before any request.
public class ScenarioSuitesTests
{
    [Theory]
    [InlineData("read-heavy.yaml", "profile-reads:get,batchGet,query,update")]
    [InlineData("write-heavy.yaml", "ingest:put,update,get,delete", "bulk-load:batchWrite")]
    [InlineData("query-patterns.yaml", "by-sort-key:query", "filtered:query", "listing-scan:scan")]
    [InlineData("quickstart.yaml", "browse:get,put")]
    [InlineData("hot-key.yaml", "hot-key:put", "uniform:put")]
    [InlineData("key-design-compare.yaml", "orders:put")]
    [InlineData("capacity-compare.yaml", "profiles:get,put")]
    [InlineData("traffic-profile.yaml", "diurnal:get,put")]
    [InlineData("capacity-planning.yaml", "api:get,put,update")]
    public void Ready_suites_load_and_every_scenario_builds_an_executor(string file, params string[] scenarios)
    {
        var plan = SuiteLoader.Load(RepositoryPath("scenarios", file), Options);

        Assert.Equal(scenarios, plan.Scenarios.Select(s => s.Name + ":" + string.Join(",", s.Mix.Select(m => m.Operation))));
        // Each variant is a plan of its own: its scenarios must build on its tables too.
        foreach (var p in plan.Variants.Select(v => v.Plan).Prepend(plan))
            AssertExecutorsBuild(p);
    }

    [Fact]
    public void Every_suite_in_scenarios_is_covered_by_the_ready_suites_test()
    {
        var covered = typeof(ScenarioSuitesTests).GetMethod(nameof(Ready_suites_load_and_every_scenario_builds_an_executor))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]);

        var suites = Directory.GetFiles(RepositoryPath("scenarios"), "*.yaml").Select(Path.GetFileName);

        Assert.Equal(suites.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("key-design-compare.yaml", "by-tenant", "sharded")]
    [InlineData("capacity-compare.yaml", "provisioned", "on-demand")]
    public void Compare_suites_have_their_variants_on_their_own_tables(string file, params string[] variants)
    {
        var plan = SuiteLoader.Load(RepositoryPath("scenarios", file), Options);

        Assert.Equal(variants, plan.Variants.Select(v => v.Name));
        Assert.All(plan.Variants, v => Assert.All(v.Plan.Tables, t => Assert.EndsWith("-" + v.Name, t.Name, StringComparison.Ordinal)));
        Assert.All(plan.Variants, v => Assert.All(v.Plan.Tables, t => Assert.StartsWith("local_", t.Name, StringComparison.Ordinal)));
    }

    private static void AssertExecutorsBuild(RunPlan plan)
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));
        foreach (var scenario in plan.Scenarios)
        {
            var table = plan.Tables.Single(t => t.Id == scenario.TableId);
            var data = plan.DataSets.Single(d => d.TableId == scenario.TableId);
            var executor = new DynamoDbOperationExecutor(http.CreateClient(), scenario, table, data, DataModels.For(data), plan.Seed,
                null, new DriverOptions { Target = TargetCapabilities.Dynalite });
            Assert.Empty(executor.Warnings);
        }
    }
}
