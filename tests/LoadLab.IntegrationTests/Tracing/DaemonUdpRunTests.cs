using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.TestSupport.Tracing;
using LoadLab.Tracing;

namespace LoadLab.IntegrationTests.Tracing;

/// <summary>A real run against the local target, traced to a UDP listener standing in for the X-Ray daemon.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class DaemonUdpRunTests(LocalTargetFixture target) : IDisposable
{
    private readonly TracedRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Every_datagram_has_the_header_and_a_schema_valid_segment()
    {
        using var daemon = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        // Room for a burst of a whole export batch, so the kernel drops nothing while the test reads.
        daemon.Client.ReceiveBufferSize = 4 << 20;
        int port = ((IPEndPoint)daemon.Client.LocalEndPoint!).Port;
        var datagrams = new ConcurrentQueue<byte[]>();
        using var stop = new CancellationTokenSource();
        var receiving = ReceiveAsync(daemon, datagrams, stop.Token);

        var (exit, result) = await run.RunAsync(
            target.Endpoint,
            new Dictionary<string, string> { [TracingOptions.DaemonAddressVariable] = $"127.0.0.1:{port}" },
            "--trace", "xray", "--trace-rate", "1");
        await WaitForAsync(() => datagrams.Count >= (result.Tracing?.Sent ?? 0), TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await receiving;

        Assert.True(exit == 0, run.Output);
        var tracing = Assert.IsType<TracingSummary>(result.Tracing);
        long completed = result.Scenarios[0].Operations.Sum(o => o.Completed);
        Assert.Equal("xray", tracing.Mode);
        Assert.Equal($"udp://127.0.0.1:{port}", tracing.Destination);
        Assert.True(tracing.Kept >= completed, $"kept {tracing.Kept} of {completed}");
        Assert.Equal(tracing.Kept, tracing.Sent);
        Assert.Equal(0, tracing.Dropped);
        Assert.Null(tracing.Warning);
        Assert.Equal(tracing.Sent, datagrams.Count);

        var tables = new HashSet<string>();
        var requestIds = 0;
        foreach (var datagram in datagrams)
        {
            string document = SegmentSchema.DocumentOf(datagram);
            SegmentSchema.AssertValid(document);
            using var json = JsonDocument.Parse(document);
            var call = json.RootElement.GetProperty("subsegments")[0];
            Assert.Equal("DynamoDB", call.GetProperty("name").GetString());
            tables.Add(call.GetProperty("aws").GetProperty("table_name").GetString()!);
            if (call.GetProperty("aws").TryGetProperty("request_id", out _)) requestIds++;
            Assert.True(call.GetProperty("subsegments").GetArrayLength() >= 1);
            Assert.Equal(result.Run.RunId, json.RootElement.GetProperty("annotations").GetProperty("run_id").GetString());
        }

        Assert.Equal(["local_TracingRun"], tables);
        Assert.True(requestIds > 0, "no request id came back from the target");
        Assert.Contains("Tracing (xray", run.Output, StringComparison.Ordinal);

        // The results link the slowest operations to their traces.
        foreach (var op in result.Scenarios[0].Operations)
        {
            var exemplars = Assert.IsAssignableFrom<IReadOnlyList<TraceExemplar>>(op.Exemplars);
            Assert.Contains(exemplars, e => e.Kind == "slowest");
            Assert.All(exemplars, e => Assert.Contains(e.TraceId, e.ConsoleUrl, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_invalid_daemon_address_warns_and_the_run_counts_every_segment_as_dropped()
    {
        var (exit, result) = await run.RunAsync(
            target.Endpoint,
            new Dictionary<string, string> { [TracingOptions.DaemonAddressVariable] = "no-port-here" },
            "--trace", "xray");

        Assert.True(exit == 0, run.Output);
        Assert.Contains("Tracing: AWS_XRAY_DAEMON_ADDRESS is invalid", run.Output, StringComparison.Ordinal);
        var tracing = result.Tracing!;
        Assert.True(tracing.Kept > 0);
        Assert.Equal(tracing.Kept, tracing.Dropped);
        Assert.Equal(0, tracing.Sent);
        Assert.Contains(result.Findings, f => f.Contains("traced operations were not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_daemon_warns_at_start_and_the_run_counts_failed_sends()
    {
        int port = TracedRun.FreeUdpPort();

        var (exit, result) = await run.RunAsync(
            target.Endpoint,
            new Dictionary<string, string> { [TracingOptions.DaemonAddressVariable] = $"127.0.0.1:{port}" },
            "--trace", "xray", "--trace-rate", "1");

        Assert.True(exit == 0, run.Output);
        Assert.Contains($"nothing listens on udp://127.0.0.1:{port}", run.Output, StringComparison.Ordinal);
        var tracing = result.Tracing!;
        Assert.True(tracing.SendFailures > 0, $"no failed send out of {tracing.Kept}");
        Assert.True(tracing.Dropped > 0);
        Assert.Equal(tracing.Kept, tracing.Sent + tracing.Dropped);
    }

    [Fact]
    public async Task The_suites_tracing_section_turns_tracing_on_without_command_line_options()
    {
        using var suiteRun = new TracedRun { SuiteExtra = "tracing: { mode: xray, rate: 1, service: orders-api }\n" };
        using var daemon = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        daemon.Client.ReceiveBufferSize = 4 << 20;
        int port = ((IPEndPoint)daemon.Client.LocalEndPoint!).Port;
        var datagrams = new ConcurrentQueue<byte[]>();
        using var stop = new CancellationTokenSource();
        var receiving = ReceiveAsync(daemon, datagrams, stop.Token);

        var (exit, result) = await suiteRun.RunAsync(
            target.Endpoint,
            new Dictionary<string, string> { [TracingOptions.DaemonAddressVariable] = $"127.0.0.1:{port}" });
        await WaitForAsync(() => datagrams.Count >= (result.Tracing?.Sent ?? 0), TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await receiving;

        Assert.True(exit == 0, suiteRun.Output);
        var tracing = Assert.IsType<TracingSummary>(result.Tracing);
        Assert.Equal("xray", tracing.Mode);
        Assert.True(tracing.Sent >= result.Scenarios[0].Operations.Sum(o => o.Completed), $"sent {tracing.Sent}");
        Assert.NotEmpty(datagrams);
        foreach (var datagram in datagrams)
        {
            using var json = JsonDocument.Parse(SegmentSchema.DocumentOf(datagram));
            Assert.Equal("orders-api", json.RootElement.GetProperty("name").GetString());
        }
    }

    private static async Task ReceiveAsync(UdpClient client, ConcurrentQueue<byte[]> into, CancellationToken stop)
    {
        try
        {
            while (true)
                into.Enqueue((await client.ReceiveAsync(stop)).Buffer);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(20);
    }
}
