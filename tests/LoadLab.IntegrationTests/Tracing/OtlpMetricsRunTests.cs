using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.Tracing;

namespace LoadLab.IntegrationTests.Tracing;

/// <summary>
/// <c>loadlab run --metrics otlp</c> against dynalite, exporting to an in-process OTLP/HTTP receiver whose requests are
/// decoded from the protobuf wire format: the EMF metrics, with the EMF dimensions as attributes, adding up to results.json.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class OtlpMetricsRunTests(LocalTargetFixture target) : IDisposable
{
    private readonly TracedRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task The_live_metrics_reach_the_collector_and_add_up_to_the_results()
    {
        RunResult result;
        int exit;
        var receiver = new OtlpReceiver();
        await using (receiver)
        {
            (exit, result) = await run.RunAsync(
                target.Endpoint,
                new Dictionary<string, string> { [TracingOptions.OtlpEndpointVariable] = receiver.Endpoint },
                "--metrics", "emf,otlp", "--metrics-interval", "1s");
        }

        Assert.True(exit == 0, run.Output);
        var export = result.MetricsExport!;
        Assert.Equal($"{receiver.Endpoint}/v1/metrics", export.Endpoint);
        Assert.Equal(("http/protobuf", 1.0, 0L), (export.Protocol, export.IntervalSeconds, export.Failures));
        Assert.True(export.Exports >= 2, run.Output); // at least one during the load and the final one
        Assert.Null(export.Warning);
        Assert.DoesNotContain(result.Findings, f => f.StartsWith("Metrics:", StringComparison.Ordinal));
        Assert.Contains("Metrics (otlp http/protobuf", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run.OutDirectory, "metrics.emf.jsonl"))); // emf,otlp: both outputs
        Assert.All(receiver.Requests, r =>
        {
            Assert.Equal("/v1/metrics", r.Path);
            Assert.Equal("application/x-protobuf", r.ContentType);
        });

        var requests = receiver.Requests.Select(r => OtlpMetricsDecoder.Decode(r.Body)).ToList();
        var points = requests.SelectMany(p => p).ToList();
        Assert.Equal(
            IntervalMetrics.All.Select(m => m.OtlpName).Order(),
            points.Select(p => p.Metric).Distinct().Order());
        Assert.All(points, p =>
        {
            Assert.Equal(["environment", "operation", "scenario", "suite"], p.Attributes.Keys.Order());
            Assert.Equal(("tracing", "browse", "local"), (p.Attributes["suite"], p.Attributes["scenario"], p.Attributes["environment"]));
            Assert.Contains(p.Attributes["operation"], new[] { "get", "put" });
            Assert.Equal("loadlab", p.Resource["service.name"]);
            Assert.Equal(result.Run.RunId, p.Resource["loadlab.run_id"]);
            var metric = IntervalMetrics.All.Single(m => m.OtlpName == p.Metric);
            Assert.Equal(metric.OtlpUnit, p.Unit);
            Assert.Equal(metric.Kind == IntervalMetricKind.Sum ? ("sum", true) : ("gauge", false), (p.Kind, p.Monotonic));
        });

        // The sums are cumulative: the final export holds the run's totals, which are results.json's figures.
        var final = requests.Last(r => r.Count > 0);
        foreach (var operation in result.Scenarios.Single().Operations)
        {
            double Final(IntervalMetric metric) => final.Single(p => p.Metric == metric.OtlpName && p.Attributes["operation"] == operation.Name).Value;
            Assert.Equal(operation.Completed, Final(IntervalMetrics.Operations));
            Assert.Equal(operation.Count("ok"), Final(IntervalMetrics.Ok));
            Assert.Equal(operation.Count("throttled"), Final(IntervalMetrics.Throttled));
            Assert.Equal(operation.Series.Sum(i => i.Errors), Final(IntervalMetrics.Errors));
            Assert.Equal(operation.ReadUnits, Final(IntervalMetrics.ConsumedReadUnits), 0.01);
            Assert.Equal(operation.WriteUnits, Final(IntervalMetrics.ConsumedWriteUnits), 0.01);
            Assert.True(operation.Completed > 0);
        }

        // Latency: gauges of the ok operations' percentiles, within what the run measured.
        var p99 = points.Where(p => p.Metric == IntervalMetrics.OkP99.OtlpName).ToList();
        Assert.NotEmpty(p99);
        double maxMs = result.Scenarios.Single().Operations.Max(o => o.OkLatency.MaxMs);
        Assert.All(p99, p => Assert.InRange(p.Value, 0.001, maxMs * 1.01));
    }

    [Fact]
    public async Task A_collector_that_is_down_warns_once_and_the_run_goes_on()
    {
        int port = TracedRun.FreeTcpPort();

        var (exit, result) = await run.RunAsync(
            target.Endpoint,
            new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"] = $"http://127.0.0.1:{port}/v1/metrics" },
            "--metrics", "otlp", "--metrics-interval", "1s");

        Assert.True(exit == 0, run.Output);
        var export = result.MetricsExport!;
        Assert.Equal($"http://127.0.0.1:{port}/v1/metrics", export.Endpoint);
        Assert.Equal(0, export.Exports);
        Assert.True(export.Failures > 0);
        Assert.Contains("is not reachable", export.Warning, StringComparison.Ordinal);
        Assert.Single(run.Output.Split('\n'), line => line.Contains("Metrics: ", StringComparison.Ordinal) && line.Contains("The run goes on", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.StartsWith("Metrics: ", StringComparison.Ordinal) && f.Contains("OTLP exports", StringComparison.Ordinal));
        Assert.True(result.Scenarios.Single().Operations.Sum(o => o.Completed) > 0);
    }
}
