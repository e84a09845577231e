using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// A local run (embedded dynalite behind the capacity simulator) of a suite with a <c>simulator:</c>
/// section and an auto scaling policy, through the real AWS SDK: the overrides reach the model and the
/// policy reaches the simulator.
/// </summary>
public sealed class SimulatorSuiteRunTests : IDisposable
{
    private const string Suite = """
        name: simulator-suite
        tables:
          items:
            name: SimulatorSuite
            key: { pk: S }
            capacity: { mode: provisioned, read: 50, write: 5, autoScaling: { write: { target: 70, min: 5, max: 100 } } }
            # Its write units are ample, so only the table throttles; the index carries its own read policy to the simulator.
            indexes:
              byTier: { pk: tier, capacity: { read: 5, write: 1000, autoScaling: { read: { min: 5, max: 50 } } } }
        data:
          items: { model: customer, items: 5 }
        scenarios:
          - name: writes
            table: items
            mix: { put: 1 }
            load:
              - { rate: 30, for: 6s }
        simulator:
          preset: documented
          overrides: { burstSeconds: 0 }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-simulator-suite-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Suite_overrides_throttle_a_5_WCU_table_at_30_writes_per_second_and_the_policy_reaches_the_simulator()
    {
        var suite = Path.Combine(folder, "simulator.yaml");
        await File.WriteAllTextAsync(suite, Suite);
        var output = Path.Combine(folder, "out");
        var console = new TestConsole();

        // The command line's preset and --simulator are laid over the suite's section.
        int exit = await LoadLabApp.RunAsync(
            ["run", suite, "--out", output, "--plain", "--preset", "optimistic", "--simulator", "splitHeatAfter=30s"],
            console.Console);

        Assert.True(exit == 0, console.Output);
        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        Assert.Equal("local", result.Run.Target.Kind);
        var simulator = Assert.IsType<LoadLab.Core.Results.SimulatorSection>(result.Simulator);
        Assert.Equal("optimistic", simulator.Preset);
        Assert.Equal(new Dictionary<string, string> { ["burstSeconds"] = "0", ["splitHeatAfter"] = "30s" }, simulator.Overrides);
        Assert.Equal("0", simulator.Parameters["burstSeconds"]);

        var table = Assert.Single(simulator.Resources, r => r.Table == "local_SimulatorSuite" && r.Index is null);
        Assert.Equal(new LoadLab.Core.Results.SimulatorAutoScaling(70, 5, 100), table.WriteAutoScaling);
        Assert.Null(table.ReadAutoScaling);
        Assert.True(table.ThrottledRequests > 0, "the 5 WCU table was never throttled");
        Assert.True(table.ThrottleEventsByReason.ContainsKey("TableWriteProvisionedThroughputExceeded"), string.Join(", ", table.ThrottleEventsByReason.Keys));

        // Throttling starts within seconds of the first measured write: there is no burst to spend (seeding's throttles are in their own section).
        var firstWrite = table.Seconds.First(s => s.ConsumedWrite > 0).Offset;
        var firstThrottle = table.Seconds.First(s => s.ThrottledRequests > 0).Offset;
        Assert.InRange(firstThrottle - firstWrite, 0, 5);
        var put = Assert.Single(Assert.Single(result.Scenarios).Operations);
        Assert.True(put.ThrottledAttempts > 0, "the SDK saw no throttled attempt");
        Assert.True(simulator.Requests!.ThrottledAttempts > 0);
        Assert.Contains("Auto scaling of local_SimulatorSuite (simulated)", console.Output, StringComparison.Ordinal);
        var index = Assert.Single(simulator.Resources, r => r.Table == "local_SimulatorSuite" && r.Index == "byTier");
        Assert.Equal(new LoadLab.Core.Results.SimulatorAutoScaling(70, 5, 50), index.ReadAutoScaling);
        Assert.Null(index.WriteAutoScaling);
        Assert.Contains("Auto scaling of local_SimulatorSuite index byTier (simulated)", console.Output, StringComparison.Ordinal);
    }
}
