using System.Text.Json;
using LoadLab.Cli;
using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>The quickstart in-process, through the real SDK, against real dynalite.</summary>
[Collection("local-target")]
public sealed class RunCommandTests(LocalTargetFixture target) : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("loadlab-run-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public async Task Quickstart_runs_end_to_end_and_accounts_for_every_operation()
    {
        var console = new TestConsole();
        int exit = await LoadLabApp.RunAsync(
            ["run", RepositoryPaths.Scenario("quickstart.yaml"), "--duration-scale", "0.15", "--endpoint", target.Endpoint.ToString(), "--out", output, "--plain"],
            console.Console);

        Assert.True(exit == 0, console.Output);
        string path = Path.Combine(output, ResultsJson.FileName);
        var result = ResultsJson.Read(path);
        Assert.Equal("quickstart", result.Run.Suite);
        Assert.False(result.Run.Interrupted);
        Assert.Equal("endpoint", result.Run.Target.Kind);
        Assert.Equal("standard", result.Run.Target.RetryMode);
        var seed = Assert.Single(result.Seeding);
        Assert.Equal(5000, seed.Items);

        var scenario = Assert.Single(result.Scenarios);
        long completed = scenario.Operations.Sum(o => o.Completed);
        Assert.Equal(scenario.Scheduled, completed + scenario.Dropped + scenario.Cancelled);
        Assert.True(completed > 200, $"only {completed} operations");
        Assert.Equal(["get", "put"], scenario.Operations.Select(o => o.Name));
        var get = scenario.Operations[0];
        var put = scenario.Operations[1];
        Assert.Equal(get.Completed, get.Count("ok"));
        Assert.Equal(put.Completed, put.Count("ok"));
        Assert.True(get.ReadUnits > 0, "gets consumed no read units");
        Assert.True(put.WriteUnits > 0, "puts consumed no write units");
        Assert.Equal(get.Completed, get.Attempts);
        Assert.True(get.Latency.P99Ms >= get.ServiceTime.P50Ms);
        Assert.True(get.Latency.P50Ms > 0);
        Assert.NotEmpty(scenario.Series);
        Assert.Contains("browse", console.Output);
        Assert.Contains(path, console.Output);

        // The file parses as plain JSON too, with the documented top-level fields.
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        Assert.Equal(RunResult.CurrentSchemaVersion, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.True(json.RootElement.GetProperty("scenarios")[0].GetProperty("operations")[0].TryGetProperty("latencyHistogram", out _));
    }

    [Fact]
    public async Task The_same_seed_replays_the_same_operation_sequence()
    {
        async Task<long[]> CountsAsync(string dir)
        {
            var console = new TestConsole();
            int exit = await LoadLabApp.RunAsync(
                ["run", RepositoryPaths.Scenario("quickstart.yaml"), "--duration-scale", "0.05", "--seed", "7", "--endpoint", target.Endpoint.ToString(), "--out", dir, "--plain"],
                console.Console);
            Assert.True(exit == 0, console.Output);
            var s = ResultsJson.Read(Path.Combine(dir, ResultsJson.FileName)).Scenarios[0];
            return [s.Scheduled, .. s.Operations.Select(o => o.Scheduled)];
        }

        var first = await CountsAsync(Path.Combine(output, "a"));
        var second = await CountsAsync(Path.Combine(output, "b"));
        // Same schedule and same seed: the same arrivals, split between get and put identically.
        Assert.Equal(first, second);
    }
}
