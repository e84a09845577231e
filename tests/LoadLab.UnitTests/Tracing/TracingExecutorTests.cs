using System.Text.Json;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.DynamoDb.Client;
using LoadLab.Runner.Tracing;
using LoadLab.TestSupport.Tracing;
using LoadLab.Tracing;
using LoadLab.UnitTests.Tracing.Support;

namespace LoadLab.UnitTests.Tracing;

/// <summary>The decorator around the real DynamoDB executor, the real SDK pipeline and a fake HTTP target.</summary>
public sealed class TracingExecutorTests
{
    private static readonly TraceRunInfo Run = new("run-1", "quickstart");

    [Fact]
    public async Task A_simulated_throttle_is_traced_with_throttle_and_error_and_one_subsegment_per_attempt()
    {
        var http = FakeDynamoDbHttp.Traced(_ => DynamoDbAnswers.Throttle());
        var (executor, session, exporter) = Traced(http, new TracingOptions { Mode = TraceMode.XRay, ReservoirPerSecond = 0, Rate = 0 });

        var outcome = await executor.ExecuteAsync(new OperationRequest(5, 0), CancellationToken.None);
        var summary = await session.CompleteAsync();

        Assert.Equal(OutcomeKind.Throttled, outcome.Kind);
        Assert.Equal(1, summary.Kept);
        Assert.Equal(1, summary.KeptBy["throttled"]);
        var document = SegmentSchema.DocumentOf(Assert.Single(exporter.Datagrams));
        SegmentSchema.AssertValid(document);
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        Assert.True(root.GetProperty("throttle").GetBoolean());
        Assert.True(root.GetProperty("error").GetBoolean());
        var call = root.GetProperty("subsegments")[0];
        Assert.True(call.GetProperty("throttle").GetBoolean());
        Assert.True(call.GetProperty("error").GetBoolean());
        Assert.Equal("GetItem", call.GetProperty("aws").GetProperty("operation").GetString());
        Assert.Equal("Customers", call.GetProperty("aws").GetProperty("table_name").GetString());
        Assert.Equal("REQ3", call.GetProperty("aws").GetProperty("request_id").GetString());
        Assert.Equal(2, call.GetProperty("aws").GetProperty("retries").GetInt32());
        var attempts = call.GetProperty("subsegments");
        Assert.Equal(3, attempts.GetArrayLength());
        Assert.All(attempts.EnumerateArray(), a => Assert.True(a.GetProperty("throttle").GetBoolean()));
        Assert.Equal("KeyRangeThroughputExceeded", attempts[0].GetProperty("metadata").GetProperty("loadlab").GetProperty("throttle_reason").GetString());
        // Kept at the end, not sampled up front: no header went out.
        Assert.All(http.TraceHeaders, h => Assert.Null(h));
    }

    [Fact]
    public async Task A_sampled_operation_sends_the_trace_header_on_every_attempt()
    {
        var http = FakeDynamoDbHttp.Traced(call => call == 1 ? DynamoDbAnswers.Throttle() : DynamoDbAnswers.Item());
        var (executor, session, exporter) = Traced(http, new TracingOptions { Mode = TraceMode.XRay, ReservoirPerSecond = 0, Rate = 1 });

        var outcome = await executor.ExecuteAsync(new OperationRequest(1, 0), CancellationToken.None);
        await session.CompleteAsync();

        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        Assert.Equal(1, outcome.ThrottledAttempts);
        var segment = Assert.Single(exporter.Segments);
        var call = Assert.Single(segment.Subsegments);
        string expected = $"Root={segment.TraceId};Parent={call.Id:x16};Sampled=1";
        Assert.Equal([expected, expected], http.TraceHeaders);
        Assert.Equal(2, call.Subsegments.Count);
        Assert.True(call.Subsegments[0].Throttle);
        Assert.False(call.Subsegments[1].Error);
        Assert.Equal(200, call.HttpStatus);
    }

    [Fact]
    public async Task Fast_successful_operations_that_are_not_sampled_leave_no_trace()
    {
        var http = FakeDynamoDbHttp.Traced(_ => DynamoDbAnswers.Item());
        // A first call that warms the SDK up on a busy test machine could pass 100 ms: nothing counts as slow here.
        var (executor, session, exporter) = Traced(http, new TracingOptions { Mode = TraceMode.XRay, ReservoirPerSecond = 0, Rate = 0, SlowThreshold = TimeSpan.FromHours(1) });

        for (int i = 0; i < 20; i++)
            await executor.ExecuteAsync(new OperationRequest(i, i % 2), CancellationToken.None);
        var summary = await session.CompleteAsync();

        Assert.Equal(0, summary.Kept);
        Assert.Empty(exporter.Segments);
        Assert.All(http.TraceHeaders, h => Assert.Null(h));
        Assert.Null(AttemptScope.Disarm());
    }

    [Fact]
    public async Task Error_messages_that_could_echo_key_values_stay_out_of_the_trace()
    {
        var http = FakeDynamoDbHttp.Traced(_ => DynamoDbAnswers.Validation());
        var (executor, session, exporter) = Traced(http, new TracingOptions { Mode = TraceMode.XRay, ReservoirPerSecond = 0, Rate = 0 });

        var outcome = await executor.ExecuteAsync(new OperationRequest(3, 1), CancellationToken.None);
        await session.CompleteAsync();

        Assert.Equal(OutcomeKind.ClientError, outcome.Kind);
        string document = SegmentSchema.DocumentOf(Assert.Single(exporter.Datagrams));
        SegmentSchema.AssertValid(document);
        Assert.DoesNotContain("secret-42", document, StringComparison.Ordinal);
        Assert.Contains("ValidationException", document, StringComparison.Ordinal);
        // Nor any key value or attribute of the item that was written.
        var item = LoadLab.DynamoDb.Data.CustomerModel.Instance.CreateItem(TraceTestPlans.Data.Seed, TraceTestPlans.Executor(http, TraceTestPlans.Scenario(), TimeProvider.System).IndexOf(3), TraceTestPlans.Table);
        foreach (var value in item.Values.Where(v => v.S is { Length: > 3 }))
            Assert.DoesNotContain(value.S, document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exemplars_name_the_slowest_and_throttled_operations_with_console_links()
    {
        var http = FakeDynamoDbHttp.Traced(call => call <= 3 ? DynamoDbAnswers.Throttle() : DynamoDbAnswers.Item());
        // No warm-up: operations of the warm-up are traced but not offered as exemplars.
        var (executor, session, _) = Traced(http, new TracingOptions { Mode = TraceMode.XRay, ReservoirPerSecond = 0, Rate = 1, Region = "eu-west-1" }, warmup: TimeSpan.Zero);

        await executor.ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);
        await executor.ExecuteAsync(new OperationRequest(1, 0), CancellationToken.None);
        var summary = await session.CompleteAsync();
        var result = session.Apply(Samples(), summary);

        var exemplars = result.Scenarios[0].Operations[0].Exemplars!;
        Assert.Contains(exemplars, e => e.Kind == "throttled" && e.Outcome == "throttled");
        Assert.Equal(2, exemplars.Count(e => e.Kind == "slowest"));
        Assert.All(exemplars, e => Assert.StartsWith("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#xray:traces/1-", e.ConsoleUrl, StringComparison.Ordinal));
        Assert.Empty(result.Scenarios[0].Operations[1].Exemplars!);
        Assert.Equal("xray", result.Tracing!.Mode);
        Assert.Equal(2, result.Tracing.Sent);
        Assert.Equal(0, result.Tracing.Dropped);
    }

    [Fact]
    public async Task Without_a_destination_kept_segments_are_counted_as_dropped()
    {
        var session = TracingSession.Create(new TracingOptions { Mode = TraceMode.XRay, Rate = 1 }, Run, TimeProvider.System, exporter: null);
        var executor = session.Wrap(new InstantExecutor(), new ScenarioTrace(TraceTestPlans.Scenario(), "t", null, null));

        for (int i = 0; i < 10; i++)
            await executor.ExecuteAsync(new OperationRequest(i, 0), CancellationToken.None);
        var summary = await session.CompleteAsync();
        var result = session.Apply(Samples(), summary);

        Assert.Equal(10, summary.Kept);
        Assert.Equal(10, summary.Dropped);
        Assert.Equal(0, summary.Sent);
        Assert.Contains(result.Findings, f => f.Contains("10 of 10 traced operations were not sent", StringComparison.Ordinal));
        Assert.Empty(result.Scenarios[0].Operations[0].Exemplars!);
    }

    private static (IOperationExecutor Executor, TracingSession Session, MemoryExporter Exporter) Traced(FakeDynamoDbHttp http, TracingOptions options, TimeSpan? warmup = null)
    {
        var exporter = new MemoryExporter();
        var session = TracingSession.Create(options, Run, TimeProvider.System, exporter);
        session.MarkLoadStart();
        var scenario = TraceTestPlans.Scenario("get", "put");
        if (warmup is { } w)
            scenario = scenario with { Warmup = w };
        var inner = TraceTestPlans.Executor(http, scenario, TimeProvider.System);
        return (DynamoDbTracing.Wrap(session, inner, scenario, "Customers"), session, exporter);
    }

    private static LoadLab.Core.Results.RunResult Samples() => MiniResults.Run("browse", "get", "put");

    private sealed class InstantExecutor : IOperationExecutor
    {
        public ValueTask<OperationOutcome> ExecuteAsync(OperationRequest request, CancellationToken cancellationToken) => new(OperationOutcome.Ok);
    }
}
