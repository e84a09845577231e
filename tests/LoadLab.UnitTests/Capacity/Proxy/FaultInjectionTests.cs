using System.Net.Sockets;
using LoadLab.Capacity.Proxy.Faults;
using LoadLab.Capacity.Proxy.InProcess;
using LoadLab.Core.Outcomes;
using LoadLab.DynamoDb.Driver;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>
/// simulator.faults in the proxy's pipeline: each failure is DynamoDB's own answer (or a dropped connection), marked as
/// injected and counted apart; nothing reaches the emulator or the capacity model; windows count from the start.
/// </summary>
public sealed class FaultInjectionTests
{
    private const string Get = """{"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"S":"b"}}}""";

    private static FaultSettings Faults(params (string Name, string Text)[] entries)
    {
        var errors = new List<(string Name, string Error)>();
        var settings = FaultSettings.Parse(entries.Select(e => KeyValuePair.Create(e.Name, e.Text)), errors);
        Assert.Empty(errors);
        return settings;
    }

    [Theory]
    [InlineData("internalServerError", 500, "com.amazonaws.dynamodb.v20120810#InternalServerError")]
    [InlineData("serviceUnavailable", 503, "com.amazonaws.dynamodb.v20120810#ServiceUnavailable")]
    [InlineData("requestLimitExceeded", 400, "com.amazonaws.dynamodb.v20120810#RequestLimitExceeded")]
    public async Task Each_failure_is_DynamoDB_s_own_answer_marked_as_injected_and_never_reaches_the_emulator(string kind, int status, string type)
    {
        using var harness = new ProxyHarness(faults: Faults((kind, "100%")));
        await harness.CreateOrdersAsync();
        int before = harness.Upstream.Requests.Count;

        var reply = await harness.SendAsync("GetItem", Get);

        Assert.Equal(status, reply.Status);
        Assert.Equal(type, reply.Type);
        Assert.StartsWith(InjectedFaults.Marker, reply.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, harness.Upstream.Requests.Count);
        Assert.Empty(harness.Model.Admitted);
        var injected = harness.Services.Faults.Snapshot();
        Assert.Equal(1, injected.Requests);
        Assert.Equal(1, injected.Injected[kind]);
        // The table's creation went through untouched: table management is never faulted.
        Assert.Equal(200, (await harness.SendAsync("DescribeTable", """{"TableName":"Orders"}""")).Status);
    }

    [Fact]
    public async Task A_reset_drops_the_connection_and_an_in_process_client_sees_a_marked_network_error()
    {
        using var harness = new ProxyHarness(faults: Faults(("connectionReset", "100%")));
        using var client = new HttpClient(new InProcessSimulatorHandler(harness.Dispatcher, new Uri("http://127.0.0.1:1/")));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Request("GetItem", Get)));

        Assert.Equal((OutcomeKind.NetworkError, nameof(SocketError.ConnectionReset)), OutcomeClassifier.Classify(error));
        Assert.True(OutcomeClassifier.IsInjected(error));
        // Also when the SDK hands on only the inner IOException, as it does with a wrapped one.
        Assert.True(OutcomeClassifier.IsInjected(error.InnerException!));
        Assert.Equal(1, harness.Services.Faults.Snapshot().Injected["connectionReset"]);
        Assert.Empty(harness.Upstream.Requests);
    }

    [Fact]
    public async Task An_unreachable_emulator_drops_the_connection_instead_of_answering_500()
    {
        using var harness = new ProxyHarness();
        harness.Upstream.Answer = (_, _) => throw new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        using var client = new HttpClient(new InProcessSimulatorHandler(harness.Dispatcher, new Uri("http://127.0.0.1:1/")));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Request("ListTables", "{}")));

        // A dead local target reads as a dead target, so the run's dead-target rule sees network errors.
        Assert.Equal((OutcomeKind.NetworkError, nameof(SocketError.ConnectionRefused)), OutcomeClassifier.Classify(error));
        Assert.False(OutcomeClassifier.IsInjected(error));
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Faults_wait_for_their_start_and_keep_to_their_window()
    {
        var clock = new FakeTimeProvider();
        using var harness = new ProxyHarness(time: clock, faults: Faults(("internalServerError.rate", "100%"), ("internalServerError.from", "10s"), ("internalServerError.for", "5s")), faultsFromStart: false);
        await harness.CreateOrdersAsync();
        harness.Upstream.Answer = (_, _) => (200, "{}");

        // Before the start (a run's setup and seeding) nothing is injected, however much time passes.
        clock.Advance(TimeSpan.FromSeconds(12));
        Assert.Equal(200, (await harness.SendAsync("GetItem", Get)).Status);
        harness.Services.Faults.Start();
        Assert.Equal(200, (await harness.SendAsync("GetItem", Get)).Status);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(500, (await harness.SendAsync("GetItem", Get)).Status);
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(500, (await harness.SendAsync("GetItem", Get)).Status);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(200, (await harness.SendAsync("GetItem", Get)).Status);

        var snapshot = harness.Services.Faults.Snapshot();
        Assert.True(snapshot.Started);
        Assert.Equal(4, snapshot.Requests);
        Assert.Equal(2, snapshot.Injected["internalServerError"]);
    }

    [Fact]
    public async Task Latency_holds_the_answer_back_by_its_delay_on_the_simulator_s_clock()
    {
        var clock = new FakeTimeProvider();
        using var harness = new ProxyHarness(time: clock, faults: Faults(("latency.p50", "200ms")));
        await harness.CreateOrdersAsync();
        harness.Upstream.Answer = (_, _) => (200, "{}");

        var pending = harness.SendAsync("GetItem", Get);
        await Task.Yield();
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(199));
        Assert.False(pending.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(200, (await pending.WaitAsync(TimeSpan.FromMinutes(1))).Status);
        Assert.Equal(1, harness.Services.Faults.Snapshot().Injected["latency"]);
    }

    [Fact]
    public void Latency_is_log_normal_between_its_median_and_99th_percentile()
    {
        var rule = new FaultRule(FaultKind.Latency, 1) { P50 = TimeSpan.FromMilliseconds(20), P99 = TimeSpan.FromMilliseconds(300) };

        Assert.Equal(20, FaultInjector.LatencyOf(rule, standardNormal: 0).TotalMilliseconds, 3);
        Assert.Equal(300, FaultInjector.LatencyOf(rule, standardNormal: 2.326).TotalMilliseconds, 3);
        Assert.True(FaultInjector.LatencyOf(rule, standardNormal: -3).TotalMilliseconds < 20);
        // A fixed delay when p99 is p50; never more than a minute.
        Assert.Equal(20, FaultInjector.LatencyOf(rule with { P99 = rule.P50 }, standardNormal: 3).TotalMilliseconds, 3);
        Assert.Equal(60_000, FaultInjector.LatencyOf(rule, standardNormal: 40).TotalMilliseconds, 3);
    }

    private static HttpRequestMessage Request(string operation, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:1/") { Content = new StringContent(json) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00");
        return request;
    }
}
