using System.Text.Json;
using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// The suite's client settings and the client warm-up through the real CLI, the real SDK and the real local target
/// (dynalite behind the capacity simulator): the settings are in force and in results.json, and the warm-up's calls
/// reach the target but no figure — the simulator's measured window holds exactly the load's calls.
/// </summary>
public sealed class ClientSettingsRunTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-client-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Client_settings_are_shown_and_warm_up_calls_are_counted_nowhere()
    {
        var suite = Path.Combine(folder, "client.yaml");
        await File.WriteAllTextAsync(suite, """
            name: client
            tables:
              items: { name: Client, key: { pk: S } }
            data:
              items: { model: customer, items: 50 }
            scenarios:
              - { name: browse, table: items, mix: { get: 4, put: 1, delete: 0.01 }, load: [ { rate: 40, for: 2s } ] }
            sdk: { maxConnections: 8, connectTimeout: 2s, timeout: 4s, maxAttempts: 2, retryMode: adaptive }
            """);
        var output = Path.Combine(folder, "out");
        var console = new TestConsole();

        int exit = await LoadLabApp.RunAsync(["run", suite, "--out", output, "--plain"], console.Console);

        Assert.True(exit == 0, console.Output);
        string path = Path.Combine(output, ResultsJson.FileName);
        var result = ResultsJson.Read(path);
        var target = result.Run.Target;
        Assert.Equal((8, 2.0, 4.0, 2, "adaptive"), (target.MaxConnections, target.ConnectTimeoutSeconds, target.TimeoutSeconds, target.MaxAttempts, target.RetryMode));
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(path)))
        {
            var written = json.RootElement.GetProperty("run").GetProperty("target");
            Assert.Equal(8, written.GetProperty("maxConnections").GetInt32());
            Assert.Equal(2, written.GetProperty("connectTimeoutSeconds").GetDouble());
            Assert.True(json.RootElement.GetProperty("clientWarmup").GetProperty("calls").GetInt64() > 0);
        }

        // The warm-up called get and put (never the delete) before the load, paced at 100 calls/s: a tenth of the
        // 1,000 write units one key is served, one unit a put (its calls follow the key distribution).
        var warmup = Assert.IsType<LoadLab.Core.Engine.ClientWarmupSummary>(result.ClientWarmup);
        Assert.True(warmup.Calls >= 50, $"only {warmup.Calls} warm-up calls");
        Assert.True(warmup.Calls <= (warmup.Seconds * 100) + 2, $"{warmup.Calls} warm-up calls in {warmup.Seconds} s: faster than 100 calls/s");
        Assert.Contains("at most 100 calls/s", console.Output);
        Assert.Equal(0, warmup.Failed);
        Assert.Contains("Client warm-up: ", console.Output);
        Assert.Contains("(get, put)", console.Output);

        // The load's figures hold the load alone: 80 arrivals, and the simulator's measured window saw exactly those calls.
        var scenario = Assert.Single(result.Scenarios);
        long completed = scenario.Operations.Sum(o => o.Completed);
        Assert.Equal(80, scenario.Scheduled);
        Assert.Equal(scenario.Scheduled, completed + scenario.Dropped + scenario.Cancelled);
        var requests = Assert.IsType<LoadLab.Core.Results.SimulatorRequests>(result.Simulator!.Requests);
        Assert.Equal(completed, requests.LogicalCalls);
    }
}
