using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// simulator.faults through the real CLI, the real SDK (its retries set by the suite's sdk: section) and the real local
/// target: each injected fault is counted by the simulator, seen by the SDK as DynamoDB's own failure, retried, and
/// classified as the client saw it — and counted apart from real failures, so a rehearsal is never read as an outage.
/// </summary>
public sealed class FaultRehearsalTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-faults-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int Exit, string Output, LoadLab.Core.Results.RunResult Result)> RunAsync(string name, string faults)
    {
        var suite = Path.Combine(folder, name + ".yaml");
        await File.WriteAllTextAsync(suite, $$"""
            name: {{name}}
            tables:
              items: { name: Faults, key: { pk: S } }
            data:
              items: { model: customer, items: 20 }
            scenarios:
              - { name: browse, table: items, mix: { get: 1 }, load: [ { rate: 20, for: 3s } ] }
            sdk: { maxAttempts: 2 }
            # A rehearsal: the injected failures that get past the retries are expected here.
            failOn: { errorRate: off }
            simulator:
              faults: {{faults}}
            """);
        var output = Path.Combine(folder, name);
        var console = new TestConsole();
        int exit = await LoadLabApp.RunAsync(["run", suite, "--out", output, "--plain"], console.Console);
        return (exit, console.Output, exit is 0 or 1 ? ResultsJson.Read(Path.Combine(output, ResultsJson.FileName)) : null!);
    }

    [Theory]
    [InlineData("internalServerError", "serverError", "InternalServerError")]
    [InlineData("serviceUnavailable", "serverError", "ServiceUnavailable")]
    [InlineData("requestLimitExceeded", "throttled", "RequestLimitExceeded")]
    [InlineData("connectionReset", "networkError", "ConnectionReset")]
    public async Task Each_injected_failure_is_counted_retried_and_classified_as_the_client_saw_it(string kind, string outcome, string code)
    {
        var (exit, output, result) = await RunAsync(kind, $"{{ {kind}: 50% }}");

        Assert.True(exit == 0, output);
        var faults = Assert.IsType<LoadLab.Core.Results.SimulatorFaults>(result.Simulator!.Faults);
        var get = Assert.Single(Assert.Single(result.Scenarios).Operations);
        long injected = faults.Injected[kind];
        Assert.True(injected > 0, "nothing was injected");
        // Faults start with the load: the simulator saw exactly the load's attempts (setup and seeding were spared).
        Assert.Equal(get.Attempts, faults.Requests);
        // The SDK saw every injected answer, and retried each one but the last of an operation that gave up.
        Assert.Equal(injected, get.InjectedAttempts);
        long failures = get.InjectedFailures ?? 0;
        Assert.Equal(get.Completed + injected - failures, get.Attempts);
        Assert.Equal(2, result.Run.Target.MaxAttempts);
        // What got past the retries is classified as the client saw it, and nothing else failed.
        Assert.Equal(failures, get.Count(outcome));
        Assert.Equal(get.Completed - failures, get.Count("ok"));
        var reasons = outcome == "throttled" ? get.ThrottleReasons : get.ErrorCodes;
        Assert.Equal(failures == 0 ? [] : [KeyValuePair.Create(code, failures)], reasons);
        if (outcome == "throttled")
            Assert.Equal(injected, get.ThrottledAttempts);
        // Injected faults never reach the capacity model: no resource counts a throttle.
        Assert.All(result.Simulator.Resources, r => Assert.Equal(0, r.ThrottledRequests));
        Assert.Contains(result.Findings, f => f.Contains($"{injected} {kind}", StringComparison.Ordinal) && f.Contains("not failures of the target", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Injected_latency_delays_every_answer_without_failing_any()
    {
        var (exit, output, result) = await RunAsync("latency", "{ latency: { p50: 50ms } }");

        Assert.True(exit == 0, output);
        var faults = result.Simulator!.Faults!;
        var get = Assert.Single(Assert.Single(result.Scenarios).Operations);
        Assert.Equal(get.Attempts, faults.Injected["latency"]);
        Assert.Equal(get.Completed, get.Count("ok"));
        Assert.Null(get.InjectedAttempts);
        Assert.True(get.ServiceTime.P50Ms >= 50, $"service time p50 {get.ServiceTime.P50Ms} ms");
        Assert.Equal("50ms", faults.Settings["faults.latency.p50"]);
    }
}
