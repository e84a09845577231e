using LoadLab.Runner.Suites;
using static LoadLab.UnitTests.Runner.Suites.SuiteParsing;

namespace LoadLab.UnitTests.Runner.Environments;

/// <summary>environments.yaml and a suite's environments: — prefixes, overrides, ssm: references, positioned errors.</summary>
public sealed class EnvironmentSettingsTests
{
    private const string Suite = """
        name: envs
        environment: staging
        tables:
          orders: { name: Orders_v2, key: { pk: S } }
        scenarios:
          - name: s
            table: orders
            mix: { get: 1 }
            load: [ { rate: 1, for: 1s } ]
        """;

    [Theory]
    [InlineData("local", "local_Orders_v2")]
    [InlineData("dev", "dev_Orders_v2")]
    [InlineData("staging", "stg_Orders_v2")]
    [InlineData("prod", "prod_Orders_v2")]
    public void Default_prefixes_name_the_tables(string environment, string table)
    {
        var plan = Parse(Suite, Options with { EnvironmentOverride = environment });
        Assert.Equal(table, plan.Tables[0].Name);
        Assert.Equal(environment, plan.EffectiveEnvironment().Name);
    }

    [Fact]
    public void The_shared_file_sets_prefix_profile_region_endpoint_and_account()
    {
        var shared = EnvironmentsFile.Parse("""
            staging:
              prefix: perf_
              profile: loadlab-staging
              region: ssm:/loadlab/staging/region
              endpoint: https://dynamodb.eu-west-1.amazonaws.com
              account: "012345678901"
            """, "environments.yaml");
        var plan = Parse(Suite, Options with { Environments = shared });

        Assert.Equal("perf_Orders_v2", plan.Tables[0].Name);
        var environment = plan.EffectiveEnvironment();
        Assert.Equal("perf_", environment.TablePrefix);
        Assert.Equal("loadlab-staging", environment.Profile);
        Assert.Equal("ssm:/loadlab/staging/region", environment.Region);
        Assert.Equal("https://dynamodb.eu-west-1.amazonaws.com", environment.Endpoint);
        Assert.Equal("012345678901", environment.AccountId);
    }

    [Fact]
    public void The_suite_overrides_the_shared_file_value_by_value()
    {
        var shared = EnvironmentsFile.Parse("environments:\n  staging: { prefix: shared_, region: eu-west-1 }\n", "environments.yaml");
        var plan = Parse(Suite + "\nenvironments:\n  staging: { prefix: mine_ }\n", Options with { Environments = shared });

        Assert.Equal("mine_Orders_v2", plan.Tables[0].Name);
        Assert.Equal("eu-west-1", plan.EffectiveEnvironment().Region);
    }

    [Fact]
    public void Loading_a_suite_reads_environments_yaml_beside_it()
    {
        var folder = Directory.CreateTempSubdirectory("loadlab-envs-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "suite.yaml"), Suite);
            File.WriteAllText(Path.Combine(folder.FullName, EnvironmentsFile.FileName), "staging: { prefix: beside_ }\n");
            var plan = SuiteLoader.Load(Path.Combine(folder.FullName, "suite.yaml"), Options);
            Assert.Equal("beside_Orders_v2", plan.Tables[0].Name);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Errors_in_environments_yaml_name_file_line_and_column()
    {
        var ex = Assert.Throws<SuiteLoadException>(() => EnvironmentsFile.Parse("""
            stagin: { prefix: x_ }
            staging:
              prefix: ""
              profile: ssm:/loadlab/profile
              region: mars-1
              account: 12345
              endpont: http://x
            """, "environments.yaml"));

        var errors = ex.Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(6, errors.Count);
        Assert.StartsWith("environments.yaml:1:1: ", errors[0], StringComparison.Ordinal);
        Assert.Contains("Did you mean 'staging'?", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("environments.yaml:3:11: environments.staging.prefix", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("environments.yaml:4:12: environments.staging.profile: cannot come from SSM", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("environments.yaml:5:11: environments.staging.region: expected an AWS region", errors[3], StringComparison.Ordinal);
        Assert.StartsWith("environments.yaml:6:12: environments.staging.account: expected a 12-digit AWS account id", errors[4], StringComparison.Ordinal);
        Assert.StartsWith("environments.yaml:7:3: ", errors[5], StringComparison.Ordinal);
        Assert.Contains("endpoint", errors[5], StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_account_is_refused_because_local_runs_never_check_one()
    {
        var error = SingleError(Suite + "\nenvironments:\n  local: { account: \"123456789012\" }\n");
        Assert.Contains("local runs never check an AWS account", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keep_is_read_per_table()
    {
        var plan = Parse(Suite.Replace("key: { pk: S } }", "key: { pk: S }, keep: true }", StringComparison.Ordinal));
        Assert.True(plan.Tables[0].Keep);
        Assert.False(Parse(Suite).Tables[0].Keep);
    }
}
