using System.Text;
using System.Text.Json;
using LoadLab.Core.Outcomes;
using LoadLab.TestSupport.Tracing;
using LoadLab.Tracing;
using LoadLab.Tracing.Capture;
using LoadLab.Tracing.Ids;
using LoadLab.Tracing.Sampling;
using LoadLab.Tracing.Segments;
using LoadLab.UnitTests.Tracing.Support;

namespace LoadLab.UnitTests.Tracing;

/// <summary>Every document the builder and writer produce, for every kind of outcome, validated against the official schema and the rules it misses.</summary>
public sealed class SegmentDocumentTests
{
    private static readonly AttemptError Throttle = new("ProvisionedThroughputExceededException", "ProvisionedThroughputExceededException", "The level of configured provisioned throughput for the table was exceeded.", true);
    private static readonly AttemptError ServerFault = new("InternalServerErrorException", "InternalServerError", "Internal server error", true);
    private static readonly AttemptError Timeout = new("TaskCanceledException", null, "The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.", false);

    public static TheoryData<string> Cases => new(Builders.Keys);

    private static readonly Dictionary<string, Func<SegmentFactory, SegmentNode>> Builders = new()
    {
        ["ok, one attempt"] = f => f.Build(new OperationOutcome(OutcomeKind.Ok, ReadUnits: 0.5), KeepReason.Sampled, f.Attempt(0, 4, 200)),
        ["throttle recovered by a retry"] = f => f.Build(
            new OperationOutcome(OutcomeKind.Ok, Attempts: 2, ThrottledAttempts: 1, ReadUnits: 0.5, Reason: "KeyRangeThroughputExceeded"), KeepReason.Throttled,
            f.Attempt(0, 3, 400, "KeyRangeThroughputExceeded", Throttle), f.Attempt(30, 4, 200)),
        ["throttled after every retry"] = f => f.Build(
            new OperationOutcome(OutcomeKind.Throttled, Attempts: 3, ThrottledAttempts: 3, Reason: "KeyRangeThroughputExceeded"), KeepReason.Throttled,
            f.Attempt(0, 3, 400, "KeyRangeThroughputExceeded", Throttle), f.Attempt(30, 3, 400, "KeyRangeThroughputExceeded", Throttle), f.Attempt(90, 3, 400, "KeyRangeThroughputExceeded", Throttle)),
        ["server error"] = f => f.Build(
            new OperationOutcome(OutcomeKind.ServerError, Attempts: 2, Reason: "InternalServerError"), KeepReason.Failed,
            f.Attempt(0, 3, 500, error: ServerFault), f.Attempt(25, 3, 500, error: ServerFault)),
        ["timeout"] = f => f.Build(new OperationOutcome(OutcomeKind.Timeout, Reason: "Timeout"), KeepReason.Failed, f.Attempt(0, 150, 0, error: Timeout)),
        ["slow, no attempts captured"] = f => f.Build(new OperationOutcome(OutcomeKind.Ok, WriteUnits: 1), KeepReason.Slow),
        ["client error, no attempts captured"] = f => f.Build(new OperationOutcome(OutcomeKind.ClientError, Reason: "ValidationException"), KeepReason.Failed),
        ["query of three pages, the second throttled once"] = f => f.Build(
            new OperationOutcome(OutcomeKind.Ok, Attempts: 4, ThrottledAttempts: 1, ReadUnits: 12) { ItemsReturned = 120, ItemsScanned = 150, Pages = 3 }, KeepReason.Throttled,
            new CallDetails([
                new CapturedCall("Query", [f.Attempt(0, 4, 200)]),
                new CapturedCall("Query", [f.Attempt(5, 3, 400, "KeyRangeThroughputExceeded", Throttle), f.Attempt(40, 4, 200)]),
                new CapturedCall("Query", [f.Attempt(45, 4, 200)]),
            ])),
        ["condition failed"] = f => f.Build(new OperationOutcome(OutcomeKind.ConditionFailed, Reason: "ConditionalCheckFailed"), KeepReason.Sampled, f.Attempt(0, 3, 400, error: new("ConditionalCheckFailedException", "ConditionalCheckFailedException", null, true))),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Documents_are_valid(string name)
    {
        var segment = Builders[name](new SegmentFactory(new TraceRunInfo("run-1", "quickstart", Variant: "on-demand")));

        var datagrams = Datagrams(segment);

        var datagram = Assert.Single(datagrams);
        SegmentSchema.AssertValid(SegmentSchema.DocumentOf(datagram));
    }

    [Fact]
    public void A_DynamoDB_throttle_sets_throttle_and_error_though_the_status_is_400()
    {
        var segment = Builders["throttled after every retry"](new SegmentFactory());

        using var json = Parse(segment);
        var root = json.RootElement;
        Assert.True(root.GetProperty("throttle").GetBoolean());
        Assert.True(root.GetProperty("error").GetBoolean());
        var call = root.GetProperty("subsegments")[0];
        Assert.Equal("DynamoDB", call.GetProperty("name").GetString());
        Assert.Equal("aws", call.GetProperty("namespace").GetString());
        Assert.True(call.GetProperty("throttle").GetBoolean());
        Assert.True(call.GetProperty("error").GetBoolean());
        Assert.Equal(400, call.GetProperty("http").GetProperty("response").GetProperty("status").GetInt32());
        Assert.Equal(2, call.GetProperty("aws").GetProperty("retries").GetInt32());
        var attempts = call.GetProperty("subsegments");
        Assert.Equal(3, attempts.GetArrayLength());
        foreach (var attempt in attempts.EnumerateArray())
        {
            Assert.True(attempt.GetProperty("throttle").GetBoolean());
            Assert.True(attempt.GetProperty("error").GetBoolean());
            var exception = attempt.GetProperty("cause").GetProperty("exceptions")[0];
            Assert.Equal("ProvisionedThroughputExceededException", exception.GetProperty("type").GetString());
            Assert.True(exception.GetProperty("remote").GetBoolean());
        }

        // The call and the segment point at the last attempt's exception instead of repeating it.
        string lastException = attempts[2].GetProperty("cause").GetProperty("exceptions")[0].GetProperty("id").GetString()!;
        Assert.Equal(lastException, call.GetProperty("cause").GetString());
        Assert.Equal(lastException, root.GetProperty("cause").GetString());
        Assert.True(root.GetProperty("annotations").GetProperty("throttled").GetBoolean());
        Assert.Equal("throttled", root.GetProperty("annotations").GetProperty("outcome").GetString());
    }

    [Fact]
    public void A_recovered_throttle_flags_the_attempt_but_not_the_successful_call()
    {
        using var json = Parse(Builders["throttle recovered by a retry"](new SegmentFactory()));
        var root = json.RootElement;
        var call = root.GetProperty("subsegments")[0];

        Assert.False(root.TryGetProperty("throttle", out _));
        Assert.False(call.TryGetProperty("throttle", out _));
        Assert.Equal(200, call.GetProperty("http").GetProperty("response").GetProperty("status").GetInt32());
        Assert.True(call.GetProperty("subsegments")[0].GetProperty("throttle").GetBoolean());
        Assert.False(call.GetProperty("subsegments")[1].TryGetProperty("error", out _));
        Assert.True(root.GetProperty("annotations").GetProperty("throttled").GetBoolean());
        Assert.Equal("throttled", root.GetProperty("annotations").GetProperty("kept").GetString());
        Assert.Equal("KeyRangeThroughputExceeded", call.GetProperty("subsegments")[0].GetProperty("metadata").GetProperty("loadlab").GetProperty("throttle_reason").GetString());
    }

    [Fact]
    public void Each_SDK_call_of_an_operation_gets_its_own_DynamoDB_subsegment()
    {
        using var json = Parse(Builders["query of three pages, the second throttled once"](new SegmentFactory()));
        var calls = json.RootElement.GetProperty("subsegments");

        Assert.Equal(3, calls.GetArrayLength());
        Assert.All(calls.EnumerateArray(), c => Assert.Equal("Query", c.GetProperty("aws").GetProperty("operation").GetString()));
        Assert.Equal(1, calls[1].GetProperty("aws").GetProperty("retries").GetInt32());
        Assert.True(calls[1].GetProperty("subsegments")[0].GetProperty("throttle").GetBoolean());
        Assert.False(calls[1].TryGetProperty("throttle", out _));
        var metadata = json.RootElement.GetProperty("metadata").GetProperty("loadlab");
        Assert.Equal(3, metadata.GetProperty("pages").GetInt32());
        Assert.Equal(120, metadata.GetProperty("items_returned").GetInt32());
        Assert.Equal(3, metadata.GetProperty("calls").GetInt32());
    }

    [Fact]
    public void Faults_and_timeouts_set_fault()
    {
        using var server = Parse(Builders["server error"](new SegmentFactory()));
        using var timeout = Parse(Builders["timeout"](new SegmentFactory()));

        Assert.True(server.RootElement.GetProperty("fault").GetBoolean());
        Assert.True(timeout.RootElement.GetProperty("fault").GetBoolean());
        var attempt = timeout.RootElement.GetProperty("subsegments")[0].GetProperty("subsegments")[0];
        Assert.True(attempt.GetProperty("fault").GetBoolean());
        Assert.False(attempt.GetProperty("cause").GetProperty("exceptions")[0].GetProperty("remote").GetBoolean());
    }

    [Fact]
    public void The_segment_carries_the_run_annotations_and_the_call_its_aws_block()
    {
        var factory = new SegmentFactory(new TraceRunInfo("run-7", "orders", "on-demand"));
        using var json = Parse(Builders["ok, one attempt"](factory));
        var root = json.RootElement;
        var a = root.GetProperty("annotations");

        Assert.Equal("run-7", a.GetProperty("run_id").GetString());
        Assert.Equal("orders", a.GetProperty("suite").GetString());
        Assert.Equal("on-demand", a.GetProperty("variant").GetString());
        Assert.Equal("browse", a.GetProperty("scenario").GetString());
        Assert.Equal("get", a.GetProperty("operation").GetString());
        Assert.Equal("ramp", a.GetProperty("phase").GetString());
        Assert.Equal(0, a.GetProperty("phase_index").GetInt32());
        Assert.Equal("ok", a.GetProperty("outcome").GetString());
        Assert.False(a.GetProperty("throttled").GetBoolean());
        var metadata = root.GetProperty("metadata").GetProperty("loadlab");
        Assert.Equal(0.5, metadata.GetProperty("consumed_read_units").GetDouble());
        Assert.Equal(512, metadata.GetProperty("item_bytes").GetInt64());
        Assert.Matches("^[0-9a-f]{16}$", metadata.GetProperty("key_hash").GetString());
        var aws = root.GetProperty("subsegments")[0].GetProperty("aws");
        Assert.Equal("GetItem", aws.GetProperty("operation").GetString());
        Assert.Equal("local_Customers", aws.GetProperty("table_name").GetString());
        Assert.Equal("eu-west-1", aws.GetProperty("region").GetString());
        Assert.Equal("REQ0", aws.GetProperty("request_id").GetString());
        Assert.Equal(0.5, aws.GetProperty("consumed_capacity").GetProperty("capacity_units").GetDouble());
        Assert.Equal(1, root.GetProperty("subsegments")[0].GetProperty("subsegments").GetArrayLength());
    }

    [Fact]
    public void A_document_over_the_limit_is_streamed_as_the_segment_and_independent_subsegments()
    {
        var factory = new SegmentFactory();
        var attempts = Enumerable.Range(0, 8).Select(i => factory.Attempt(i * 40, 3, 500, error: ServerFault)).ToArray();
        var segment = factory.Build(new OperationOutcome(OutcomeKind.ServerError, Attempts: 8, Reason: "InternalServerError"), KeepReason.Failed, attempts);

        var datagrams = Datagrams(segment, maxBytes: 1200);

        Assert.True(datagrams.Count > 2, $"{datagrams.Count} datagrams");
        var documents = datagrams.Select(d => SegmentSchema.DocumentOf(d)).ToArray();
        Assert.All(datagrams, d => Assert.True(d.Length <= 1200, $"{d.Length} bytes"));
        foreach (var document in documents)
            SegmentSchema.AssertValid(document);
        using var first = JsonDocument.Parse(documents[0]);
        Assert.False(first.RootElement.TryGetProperty("subsegments", out _));
        Assert.False(first.RootElement.TryGetProperty("type", out _));
        string segmentId = first.RootElement.GetProperty("id").GetString()!;
        string traceId = first.RootElement.GetProperty("trace_id").GetString()!;
        var independents = documents.Skip(1).Select(d => JsonDocument.Parse(d)).ToArray();
        try
        {
            Assert.All(independents, d => Assert.Equal("subsegment", d.RootElement.GetProperty("type").GetString()));
            Assert.All(independents, d => Assert.Equal(traceId, d.RootElement.GetProperty("trace_id").GetString()));
            var call = Assert.Single(independents, d => d.RootElement.GetProperty("name").GetString() == "DynamoDB");
            Assert.Equal(segmentId, call.RootElement.GetProperty("parent_id").GetString());
            // Together the documents hold every node once: segment, call, 8 attempts.
            int nodes = independents.Sum(d => 1 + (d.RootElement.TryGetProperty("subsegments", out var s) ? s.GetArrayLength() : 0));
            Assert.Equal(9, nodes);
        }
        finally
        {
            foreach (var d in independents) d.Dispose();
        }
    }

    [Fact]
    public void An_in_progress_document_is_valid_and_end_time_or_in_progress_is_enforced()
    {
        var node = new SegmentNode { Name = "loadlab", Id = SegmentIds.New(), TraceId = XRayTraceId.New(DateTimeOffset.UtcNow), StartTime = 1_795_725_432.123456 };
        string json = new SegmentDocumentWriter().ToJson(node);

        SegmentSchema.AssertValid(json);
        Assert.Contains("\"in_progress\":true", json, StringComparison.Ordinal);
        string both = json.Replace("\"in_progress\":true", "\"in_progress\":true,\"end_time\":1795725433", StringComparison.Ordinal);
        string neither = json.Replace(",\"in_progress\":true", string.Empty, StringComparison.Ordinal);
        Assert.Contains(SegmentSchema.Problems(both), p => p.Contains("end_time and in_progress", StringComparison.Ordinal));
        Assert.Contains(SegmentSchema.Problems(neither), p => p.Contains("end_time and in_progress", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_and_the_rules_reject_bad_documents()
    {
        // A valid segment's opening fields, then what each case adds or breaks.
        static string Doc(string id, string rest, string name = "x") =>
            "{\"name\":\"" + name + "\",\"id\":\"" + id + "\",\"trace_id\":\"1-5f3a1b2c-0123456789abcdef01234567\",\"start_time\":1,\"end_time\":2" + rest + "}";
        const string id = "0123456789abcdef";

        SegmentSchema.AssertValid(Doc(id, string.Empty));
        Assert.Contains(SegmentSchema.Problems(Doc("123", string.Empty)), p => p.Contains("StringTooShort", StringComparison.Ordinal));
        Assert.Contains(SegmentSchema.Problems(Doc(id, ",\"annotations\":{\"bad key\":1}")), p => p.StartsWith("schema:", StringComparison.Ordinal));
        Assert.Contains(SegmentSchema.Problems(Doc(id, ",\"annotations\":{\"obj\":{\"a\":1}}")), p => p.StartsWith("schema:", StringComparison.Ordinal));
        Assert.Contains(SegmentSchema.Problems(Doc(id, string.Empty, name: "bad|name")), p => p.StartsWith("schema:", StringComparison.Ordinal));
        Assert.Contains(SegmentSchema.Problems(Doc(id, ",\"type\":\"subsegment\"")), p => p.Contains("parent_id", StringComparison.Ordinal));
        Assert.Contains(
            SegmentSchema.Problems(Doc(id, ",\"subsegments\":[{\"name\":\"DynamoDB\",\"id\":\"0123456789abcdee\",\"start_time\":1,\"end_time\":2,\"namespace\":\"aws\",\"aws\":{\"operation\":\"GetItem\"}}]")),
            p => p.Contains("aws.table_name", StringComparison.Ordinal));
        string many = string.Join(",", Enumerable.Range(0, 51).Select(i => "\"k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\":1"));
        Assert.Contains(SegmentSchema.Problems(Doc(id, ",\"annotations\":{" + many + "}")), p => p.Contains("at most 50", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_and_values_are_cut_to_what_XRay_accepts()
    {
        Assert.Equal("load_lab_run", SegmentNames.Sanitize("load|lab<run"));
        Assert.Equal(200, SegmentNames.Sanitize(new string('a', 300)).Length);
        Assert.Equal("Zürich service:1", SegmentNames.Sanitize("Zürich service:1"));
        Assert.True(SegmentNames.IsAnnotationKey("run_id"));
        Assert.False(SegmentNames.IsAnnotationKey("run-id"));
        Assert.Equal(250, SegmentNames.Truncate(new string('x', 400)).Length);
        var segment = new SegmentFactory(new TraceRunInfo(new string('r', 2000), "suite|name")).Build(OperationOutcome.Ok);
        SegmentSchema.AssertValid(new SegmentDocumentWriter().ToJson(segment));
    }

    private static List<byte[]> Datagrams(SegmentNode segment, int maxBytes = SegmentDocumentWriter.DefaultMaxDatagramBytes)
    {
        var list = new List<byte[]>();
        new SegmentDocumentWriter(maxBytes).WriteDatagrams(segment, d => list.Add(d.ToArray()));
        return list;
    }

    private static JsonDocument Parse(SegmentNode segment)
    {
        string json = new SegmentDocumentWriter().ToJson(segment);
        SegmentSchema.AssertValid(json);
        return JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
    }
}
