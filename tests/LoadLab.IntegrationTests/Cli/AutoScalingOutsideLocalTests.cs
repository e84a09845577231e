using LoadLab.Cli;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>With --endpoint the simulator is not in the path: a suite's auto scaling policy is not applied, and the run says so.</summary>
[Collection("local-target")]
public sealed class AutoScalingOutsideLocalTests(LocalTargetFixture target) : IDisposable
{
    private const string Suite = """
        name: scaling-elsewhere
        tables:
          items:
            name: ScalingElsewhere
            key: { pk: S }
            capacity: { mode: provisioned, read: 5, write: 5, autoScaling: { target: 70, min: 5, max: 50 } }
        data:
          items: { model: customer, items: 3 }
        scenarios:
          - { name: reads, table: items, mix: { get: 1 }, load: [ { rate: 2, for: 1s } ] }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-scaling-elsewhere-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task An_endpoint_run_warns_that_auto_scaling_is_not_configured_and_still_runs()
    {
        var suite = Path.Combine(folder, "scaling.yaml");
        await File.WriteAllTextAsync(suite, Suite);
        var console = new TestConsole();

        int exit = await LoadLabApp.RunAsync(["run", suite, "--endpoint", target.Endpoint.ToString(), "--out", Path.Combine(folder, "out"), "--plain"], console.Console);

        Assert.True(exit == 0, console.Output);
        Assert.Contains("capacity.autoScaling is simulated in local runs only", console.Output, StringComparison.Ordinal);
        Assert.Contains("does not configure Application Auto Scaling", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(simulated)", console.Output, StringComparison.Ordinal);
        Assert.Null(ResultsJson.Read(Path.Combine(folder, "out", ResultsJson.FileName)).Simulator);
    }
}
