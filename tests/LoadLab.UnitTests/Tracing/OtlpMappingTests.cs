using System.Diagnostics;
using LoadLab.Core.Outcomes;
using LoadLab.Tracing.Capture;
using LoadLab.Tracing.Exporters;
using LoadLab.Tracing.Sampling;
using LoadLab.UnitTests.Tracing.Support;

namespace LoadLab.UnitTests.Tracing;

/// <summary>The OTLP path carries the same trace as the daemon path: same trace id, times, flags and values.</summary>
public sealed class OtlpMappingTests
{
    [Fact]
    public void A_segment_becomes_a_server_span_a_client_span_and_attempt_spans_of_the_same_trace()
    {
        var factory = new SegmentFactory();
        var throttle = new AttemptError("ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException", "exceeded", true);
        var segment = factory.Build(
            new OperationOutcome(OutcomeKind.Throttled, Attempts: 2, ThrottledAttempts: 2, Reason: "KeyRangeThroughputExceeded"), KeepReason.Throttled,
            factory.Attempt(0, 3, 400, "KeyRangeThroughputExceeded", throttle), factory.Attempt(30, 3, 400, "KeyRangeThroughputExceeded", throttle));
        using var mapper = new SegmentActivityMapper();
        var spans = new List<Activity>();

        mapper.Map(segment, spans);

        Assert.Equal(4, spans.Count);
        var root = spans[^1];
        var call = spans.Single(s => s.Kind == ActivityKind.Client);
        var attempts = spans.Where(s => s.DisplayName.StartsWith("Attempt", StringComparison.Ordinal)).ToArray();
        Assert.All(spans, s => Assert.Equal(segment.TraceId.ToActivityTraceId(), s.TraceId));
        Assert.Equal(ActivityKind.Server, root.Kind);
        Assert.Equal(default, root.ParentSpanId);
        Assert.Equal("browse get", root.DisplayName);
        Assert.Equal(root.SpanId, call.ParentSpanId);
        Assert.All(attempts, a => Assert.Equal(call.SpanId, a.ParentSpanId));
        Assert.Equal("DynamoDB.GetItem", call.DisplayName);
        Assert.Equal("aws-api", call.GetTagItem("rpc.system"));
        Assert.Equal("DynamoDB", call.GetTagItem("rpc.service"));
        Assert.Equal("GetItem", call.GetTagItem("rpc.method"));
        Assert.Equal("local_Customers", call.GetTagItem("aws.table_name"));
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        Assert.Equal(true, root.GetTagItem("throttled"));
        Assert.Contains("run_id", (string[])root.GetTagItem("aws.xray.annotations")!);
        Assert.Contains(attempts[0].Events, e => e.Name == "exception");
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(segment.StartTime * TimeSpan.TicksPerSecond)).UtcDateTime, root.StartTimeUtc);
        Assert.Null(Activity.Current);
    }
}
