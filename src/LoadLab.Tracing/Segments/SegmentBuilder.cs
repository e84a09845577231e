using LoadLab.Core.Outcomes;
using LoadLab.Tracing.Capture;
using LoadLab.Tracing.Ids;
using LoadLab.Tracing.Sampling;

namespace LoadLab.Tracing.Segments;

/// <summary>
/// Builds the one segment of a kept operation: the operation as the segment, one <c>DynamoDB</c> subsegment
/// (namespace <c>aws</c>) for the SDK call, and one subsegment per HTTP attempt under it. Both exporters are fed from
/// here. Nothing identifying an item goes in: no key values, no item contents; only sizes, a keyed hash, codes and ids.
/// Not thread-safe: the export thread owns it.
/// </summary>
internal sealed class SegmentBuilder
{
    public const string CallName = "DynamoDB";
    public const string MetadataNamespace = "loadlab";

    private readonly TracingOptions options;
    private readonly TraceRunInfo run;
    private readonly EpochClock clock;
    private readonly KeyHasher keys = new();
    private readonly string serviceName;
    private readonly string version = typeof(SegmentBuilder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public SegmentBuilder(TracingOptions options, TraceRunInfo run, EpochClock clock)
    {
        this.options = options;
        this.run = run;
        this.clock = clock;
        serviceName = SegmentNames.Sanitize(options.ServiceName);
    }

    /// <param name="engineStart">Timestamp the load started at, for the phase annotation.</param>
    public SegmentNode Build(KeptOperation op, long engineStart)
    {
        var details = op.CaptureToken is { } token && op.Scenario.Capture is { } capture ? capture.Read(token) : null;
        var calls = details?.Calls ?? [];
        var callNodes = new SegmentNode[Math.Max(1, calls.Count)];
        int attemptCount = 0;
        long itemBytes = 0;
        if (calls.Count == 0)
            callNodes[0] = BuildCall(op, null, op.CallId, last: true);
        for (int i = 0; i < calls.Count; i++)
        {
            callNodes[i] = BuildCall(op, calls[i], i == 0 ? op.CallId : SegmentIds.New(), last: i == calls.Count - 1);
            foreach (var a in calls[i].Attempts)
            {
                attemptCount++;
                // The item travels in the request (writes) or the response (reads): the larger body is its wire size.
                itemBytes = Math.Max(itemBytes, Math.Max(a.RequestBytes, a.ResponseBytes));
            }
        }

        var outcome = op.Outcome;
        var (phase, phaseIndex) = op.Scenario.PhaseAt((op.Start - engineStart) / (double)clock.Time.TimestampFrequency);
        bool throttled = outcome.Kind == OutcomeKind.Throttled || outcome.ThrottledAttempts > 0;

        var annotations = new List<KeyValuePair<string, object>>(14)
        {
            Entry.Of("run_id", Value(run.RunId)),
            Entry.Of("suite", Value(run.Suite)),
            Entry.Of("scenario", Value(op.Scenario.Name)),
            Entry.Of("operation", Value(op.OperationName)),
            Entry.Of("table", Value(op.Scenario.TableName)),
            Entry.Of("phase", phase),
            Entry.Of("phase_index", phaseIndex),
            Entry.Of("outcome", outcome.Kind.JsonName()),
            Entry.Of("throttled", throttled),
            Entry.Of("attempts", Math.Max(outcome.Attempts, attemptCount)),
            Entry.Of("kept", op.Reason.Name()),
        };
        if (run.Variant is { } variant)
            annotations.Add(Entry.Of("variant", Value(variant)));
        if (outcome.Reason is { } reason)
            annotations.Add(Entry.Of("reason", Value(reason)));
        // Subsegments carry none, so the trace stays far below X-Ray's indexing limit.
        System.Diagnostics.Debug.Assert(annotations.Count <= SegmentNames.MaxAnnotationsPerTrace, "too many annotations");

        var metadata = new List<KeyValuePair<string, object>>(12)
        {
            Entry.Of("sequence", op.Sequence),
            Entry.Of("latency_ms", Math.Round((op.End - op.Start) * 1000.0 / clock.Time.TimestampFrequency, 3)),
            Entry.Of("latency_estimated", op.StartEstimated),
            Entry.Of("consumed_read_units", outcome.ReadUnits),
            Entry.Of("consumed_write_units", outcome.WriteUnits),
            Entry.Of("throttled_attempts", outcome.ThrottledAttempts),
        };
        if (attemptCount > 0)
        {
            metadata.Add(Entry.Of("item_bytes", itemBytes));
            metadata.Add(Entry.Of("calls", calls.Count));
        }

        if (details is { AttemptsNotShown: > 0 } d)
            metadata.Add(Entry.Of("attempts_not_shown", d.AttemptsNotShown));
        if (outcome.HasItemCounts)
        {
            metadata.Add(Entry.Of("items_returned", outcome.ItemsReturned));
            metadata.Add(Entry.Of("items_scanned", outcome.ItemsScanned));
            metadata.Add(Entry.Of("pages", outcome.Pages));
            metadata.Add(Entry.Of("unprocessed_retries", outcome.UnprocessedRetries));
        }

        if (op.Scenario.ItemIndexOf is { } indexOf)
            metadata.Add(Entry.Of("key_hash", keys.Hash(op.Scenario.TableName, indexOf(op.Sequence))));

        var (error, throttle, fault) = Flags(outcome.Kind, segment: true);
        var lastCall = callNodes[^1];
        // An estimated start is good to a millisecond or so; the first attempt's start is exact, and within
        // microseconds of the operation's, so it wins when it exists.
        long start = op.StartEstimated && calls.Count > 0 ? calls[0].Attempts[0].Start : op.Start;
        return new SegmentNode
        {
            Name = serviceName,
            Id = op.SegmentId,
            TraceId = op.TraceId,
            StartTime = clock.EpochSeconds(Math.Min(start, op.End)),
            EndTime = clock.EpochSeconds(op.End),
            Error = error,
            Throttle = throttle,
            Fault = fault,
            CauseId = error || fault ? (lastCall.Exceptions.Count > 0 ? lastCall.Exceptions[0].Id : lastCall.CauseId) : null,
            Aws = new AwsInfo { SdkName = "LoadLab", SdkVersion = version },
            Annotations = annotations,
            Metadata = metadata,
            Subsegments = callNodes,
        };
    }

    /// <summary>
    /// One SDK call. The last call ended the operation, so its flags follow the outcome; an earlier call (a page, a
    /// resend) is flagged by its own last attempt.
    /// </summary>
    private SegmentNode BuildCall(KeptOperation op, CapturedCall? call, ulong id, bool last)
    {
        var outcome = op.Outcome;
        var attempts = call?.Attempts ?? [];
        var children = new SegmentNode[attempts.Count];
        for (int i = 0; i < attempts.Count; i++)
            children[i] = BuildAttempt(op.TraceId, attempts[i], i + 1);

        var lastAttempt = attempts.Count > 0 ? attempts[^1] : null;
        var (error, throttle, fault) = last || lastAttempt is null ? Flags(outcome.Kind, segment: false) : AttemptFlags(lastAttempt);
        bool failed = error || fault;
        // The exception lives on the attempt that raised it; the call points at it. Without attempts it lives here.
        ulong? causeId = failed && children.Length > 0 && children[^1].Exceptions.Count > 0 ? children[^1].Exceptions[0].Id : null;
        IReadOnlyList<ExceptionInfo> exceptions = failed && causeId is null && outcome.Kind != OutcomeKind.Ok
            ? [new ExceptionInfo(SegmentIds.New(), Value(outcome.Reason ?? outcome.Kind.JsonName()), null, Remote(outcome.Kind))]
            : [];

        double units = outcome.ReadUnits + outcome.WriteUnits;
        bool onlyCall = last && id == op.CallId;
        return new SegmentNode
        {
            Name = CallName,
            Id = id,
            TraceId = op.TraceId,
            StartTime = clock.EpochSeconds(attempts.Count > 0 ? attempts[0].Start : op.Start),
            EndTime = clock.EpochSeconds(lastAttempt?.End ?? op.End),
            Namespace = "aws",
            Error = error,
            Throttle = throttle,
            Fault = fault,
            Exceptions = exceptions,
            CauseId = causeId,
            HttpStatus = lastAttempt is { Status: > 0 } ? lastAttempt.Status : null,
            ContentLength = lastAttempt is { Status: > 0, ResponseBytes: > 0 } ? lastAttempt.ResponseBytes : null,
            Aws = new AwsInfo
            {
                Operation = call?.Operation ?? op.OperationName,
                Region = options.Region,
                RequestId = attempts.LastOrDefault(a => a.RequestId is not null)?.RequestId,
                TableName = op.Scenario.TableName,
                Retries = call?.Retries ?? Math.Max(0, outcome.Attempts - 1),
                // The outcome's units are the operation's total: they belong to the call only when it is the only one.
                ConsumedCapacity = onlyCall && units > 0 ? new ConsumedCapacityInfo(op.Scenario.TableName, units, outcome.ReadUnits, outcome.WriteUnits) : null,
            },
            Subsegments = children,
        };
    }

    private SegmentNode BuildAttempt(XRayTraceId traceId, AttemptSpan attempt, int number)
    {
        var (error, throttle, fault) = AttemptFlags(attempt);
        var metadata = new List<KeyValuePair<string, object>>(5)
        {
            Entry.Of("attempt", number),
            Entry.Of("request_bytes", attempt.RequestBytes),
            Entry.Of("response_bytes", attempt.ResponseBytes),
        };
        if (attempt.ThrottleReason is { } reason)
            metadata.Add(Entry.Of("throttle_reason", Value(reason)));
        if (attempt.Error?.Code is { } code)
            metadata.Add(Entry.Of("error_code", Value(code)));

        return new SegmentNode
        {
            Name = "Attempt " + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Id = SegmentIds.New(),
            TraceId = traceId,
            StartTime = clock.EpochSeconds(attempt.Start),
            EndTime = clock.EpochSeconds(attempt.End),
            Error = error,
            Throttle = throttle,
            Fault = fault,
            Exceptions = attempt.Error is { } e
                ? [new ExceptionInfo(SegmentIds.New(), Value(e.Type), e.Message is null ? null : Value(e.Message), e.Remote)]
                : [],
            HttpStatus = attempt.Status > 0 ? attempt.Status : null,
            ContentLength = attempt.Status > 0 && attempt.ResponseBytes > 0 ? attempt.ResponseBytes : null,
            Aws = attempt.RequestId is null ? null : new AwsInfo { RequestId = attempt.RequestId },
            Metadata = metadata,
        };
    }

    /// <summary>
    /// X-Ray's flags for an outcome. DynamoDB throttles arrive as HTTP 400, not 429, so throttle is set from the
    /// outcome, as the Java SDK does (docs/tracing.md §3). A failed condition is an expected business answer: an error on
    /// the call, not on the operation.
    /// </summary>
    internal static (bool Error, bool Throttle, bool Fault) Flags(OutcomeKind kind, bool segment) => kind switch
    {
        OutcomeKind.Throttled => (true, true, false),
        OutcomeKind.ClientError => (true, false, false),
        OutcomeKind.ConditionFailed => (!segment, false, false),
        OutcomeKind.ServerError or OutcomeKind.Timeout or OutcomeKind.NetworkError => (false, false, true),
        _ => (false, false, false),
    };

    /// <summary>Flags of one attempt from its status: a DynamoDB throttle (400) or a 429 is throttle and error.</summary>
    internal static (bool Error, bool Throttle, bool Fault) AttemptFlags(AttemptSpan attempt)
    {
        bool throttle = attempt.Throttled || attempt.Status == 429;
        bool fault = attempt.Status >= 500 || (attempt.Status == 0 && attempt.Error is not null);
        return (throttle || attempt.Status is >= 400 and < 500, throttle, fault);
    }

    private static bool Remote(OutcomeKind kind) => kind is OutcomeKind.Throttled or OutcomeKind.ClientError or OutcomeKind.ConditionFailed or OutcomeKind.ServerError;

    private static string Value(string text) => SegmentNames.Truncate(text);
}
