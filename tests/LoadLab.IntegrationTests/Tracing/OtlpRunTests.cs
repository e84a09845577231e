using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.Tracing;

namespace LoadLab.IntegrationTests.Tracing;

/// <summary>A real run traced over OTLP/HTTP to a loopback listener standing in for a collector, and to nothing.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class OtlpRunTests(LocalTargetFixture target) : IDisposable
{
    private readonly TracedRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Spans_reach_the_collector_as_OTLP_protobuf()
    {
        var collector = new OtlpReceiver();
        int exit;
        RunResult result;
        await using (collector)
        {
            (exit, result) = await run.RunAsync(
                target.Endpoint,
                new Dictionary<string, string> { [TracingOptions.OtlpEndpointVariable] = collector.Endpoint },
                "--trace", "otlp", "--trace-rate", "0.5");
        }

        var requests = collector.Requests;
        Assert.True(exit == 0, run.Output);
        var tracing = result.Tracing!;
        Assert.Equal("otlp", tracing.Mode);
        Assert.True(tracing.Kept > 0);
        Assert.Equal(tracing.Kept, tracing.Sent);
        Assert.Equal(0, tracing.Dropped);
        Assert.NotEmpty(requests);
        Assert.All(requests, r =>
        {
            Assert.Equal("/v1/traces", r.Path);
            Assert.Equal("application/x-protobuf", r.ContentType);
            Assert.True(r.Body.Length > 0);
        });
    }

    [Fact]
    public async Task An_unreachable_endpoint_warns_at_start_and_every_span_is_counted_as_dropped()
    {
        int port = TracedRun.FreeTcpPort();

        var (exit, result) = await run.RunAsync(
            target.Endpoint,
            new Dictionary<string, string> { [TracingOptions.OtlpEndpointVariable] = $"http://127.0.0.1:{port}" },
            "--trace", "otlp", "--trace-rate", "1");

        Assert.True(exit == 0, run.Output);
        Assert.Contains("is not reachable", run.Output, StringComparison.Ordinal);
        var tracing = result.Tracing!;
        Assert.True(tracing.Kept > 0);
        Assert.Equal(tracing.Kept, tracing.Dropped);
        Assert.True(tracing.SendFailures > 0);
    }

    [Fact]
    public async Task An_invalid_endpoint_warns_and_the_run_goes_on()
    {
        var (exit, result) = await run.RunAsync(
            target.Endpoint,
            new Dictionary<string, string> { [TracingOptions.OtlpEndpointVariable] = "collector-without-scheme:4318" },
            "--trace", "otlp");

        Assert.True(exit == 0, run.Output);
        Assert.Contains("is not an http(s) URL", run.Output, StringComparison.Ordinal);
        Assert.Equal(result.Tracing!.Kept, result.Tracing.Dropped);
    }
}
