using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>The guards as the command line shows them: refused before any target is started (the endpoint is unreachable on purpose).</summary>
public sealed class SafetyCliTests : IDisposable
{
    private const string Unreachable = "http://127.0.0.1:9";

    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-safety-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Suite(string environment, string mix) => Write("suite.yaml", $$"""
        name: safety
        environment: {{environment}}
        tables:
          items: { name: Items, key: { pk: S } }
        data:
          items: { model: customer, items: 1000 }
        scenarios:
          - name: s
            table: items
            mix: {{mix}}
            load: [ { rate: 100, for: 60s } ]
        """);

    private string Write(string name, string text)
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRunner.RunWithoutStackTraceAsync(args);

    [Fact]
    public async Task Plan_shows_the_planned_on_demand_cost()
    {
        var (exit, output) = await RunAsync("plan", Suite("staging", "{ get: 1 }"));
        Assert.Equal(0, exit);
        Assert.Contains("planned on-demand cost", output, StringComparison.Ordinal);
        Assert.Contains("seed stg_Items", output, StringComparison.Ordinal);
        // 6,000 eventually consistent gets of small items: 3,000 read units.
        Assert.Contains("6,000", output, StringComparison.Ordinal);
        Assert.Contains("3,000", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Max_cost_below_the_plan_refuses_the_run()
    {
        var (exit, output) = await RunAsync("run", Suite("staging", "{ get: 1, put: 1 }"), "--endpoint", Unreachable, "--max-cost", "0.000001");
        Assert.Equal(2, exit);
        Assert.Contains("above --max-cost", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot reach", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_with_allow_prod_still_refuses_writes()
    {
        var (exit, output) = await RunAsync("run", Suite("prod", "{ get: 1, put: 1 }"), "--endpoint", Unreachable, "--allow-prod");
        Assert.Equal(2, exit);
        Assert.Contains("s: put", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_with_allow_prod_and_reads_passes_the_guards()
    {
        // The guards pass, so the run gets as far as the (unreachable) endpoint: exit 3, not 2.
        var (exit, output) = await RunAsync("run", Suite("prod", "{ get: 1, scan: 1 }"), "--endpoint", Unreachable, "--allow-prod");
        Assert.Equal(3, exit);
        Assert.Contains("Cannot reach DynamoDB", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("seed")]
    [InlineData("teardown")]
    public async Task Seed_and_teardown_are_refused_on_prod(string command)
    {
        var (exit, output) = await RunAsync(command, Suite("prod", "{ get: 1 }"), "--endpoint", Unreachable);
        Assert.Equal(2, exit);
        Assert.Contains("on prod", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_in_environments_yaml_are_positioned()
    {
        Write("environments.yaml", "staging:\n  prefix: stg_\n  regoin: eu-west-1\n");
        var (exit, output) = await RunAsync("plan", Suite("staging", "{ get: 1 }"));
        Assert.Equal(2, exit);
        Assert.Matches(@"environments\.yaml:3:3: .*regoin", output);
        Assert.Contains("Did you mean 'region'?", output, StringComparison.Ordinal);
    }
}
