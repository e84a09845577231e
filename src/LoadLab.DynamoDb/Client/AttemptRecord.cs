namespace LoadLab.DynamoDb.Client;

/// <summary>
/// What the pipeline observed for the SDK calls of one operation: HTTP attempts and throttled attempts, including
/// throttles a later retry recovered from. One instance per operation, handed to the pipeline through <see cref="AttemptScope"/>.
/// When tracing arms the scope, the record also keeps each attempt's timing, status and request id
/// (<see cref="Details"/>) and carries the trace header to send; otherwise those fields stay empty and cost nothing.
/// </summary>
public sealed class AttemptRecord
{
    private int attempts;
    private int throttledAttempts;
    private int sdkRetries;
    private int injectedAttempts;
    private string? lastThrottleReason;
    private AttemptLog? log;

    /// <summary>Attempts detailed per operation at most: enough for retries and paging, bounded for a traced scan of a big table.</summary>
    internal const int MaxDetails = 64;

    /// <summary>HTTP attempts seen (0 when the client has no observer in its pipeline).</summary>
    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>Attempts the target answered with a throttle.</summary>
    public int ThrottledAttempts => Volatile.Read(ref throttledAttempts);

    /// <summary>Attempts answered by a fault the capacity simulator injected (simulator.faults).</summary>
    public int InjectedAttempts => Volatile.Read(ref injectedAttempts);

    /// <summary>The SDK's <c>RequestContext.Retries</c> after the last attempt.</summary>
    public int SdkRetries => Volatile.Read(ref sdkRetries);

    /// <summary>Throttling reason of the most recent throttled attempt, e.g. <c>KeyRangeThroughputExceeded</c>.</summary>
    public string? LastThrottleReason => Volatile.Read(ref lastThrottleReason);

    /// <summary>Clock for attempt details; null unless tracing armed the scope for this call.</summary>
    internal TimeProvider? DetailClock { get; private set; }

    /// <summary><c>X-Amzn-Trace-Id</c> value to send on every attempt, when the operation is traced.</summary>
    internal string? TraceHeader { get; private set; }

    /// <summary>Per-attempt details in start order; empty unless tracing armed the scope. Read after the operation has returned.</summary>
    public ReadOnlySpan<AttemptDetail> Details => Volatile.Read(ref log) is { } l ? l.Details : [];

    internal void OnAttemptStarted() => Interlocked.Increment(ref attempts);

    internal void OnThrottled(string reason)
    {
        Interlocked.Increment(ref throttledAttempts);
        Volatile.Write(ref lastThrottleReason, reason);
    }

    internal void OnInjected() => Interlocked.Increment(ref injectedAttempts);

    internal void OnAttemptEnded(int retriesSoFar) => Volatile.Write(ref sdkRetries, retriesSoFar);

    internal void EnableDetails(TimeProvider clock, string? traceHeader)
    {
        DetailClock = clock;
        TraceHeader = traceHeader;
    }

    /// <summary>
    /// Starts a detail entry for an attempt of the SDK call identified by <paramref name="call"/> (its request context);
    /// returns the entry's slot, or -1 beyond <see cref="MaxDetails"/>. The log is made on the first attempt, so an
    /// armed operation that makes no SDK call allocates nothing more.
    /// </summary>
    internal int BeginDetail(object? call, long start, string? requestName, long requestBytes)
    {
        var log = Volatile.Read(ref this.log);
        if (log is null)
        {
            Interlocked.CompareExchange(ref this.log, new AttemptLog(), null);
            log = this.log!;
        }

        return log.Begin(call, new AttemptDetail { RequestName = requestName, Start = start, RequestBytes = requestBytes });
    }

    internal void EndDetail(int slot, long end, int status, string? requestId, string? throttleReason, Exception? error, long responseBytes) =>
        Volatile.Read(ref log)?.End(slot, end, status, requestId, throttleReason, error, responseBytes);

    /// <summary>Attempts beyond <see cref="MaxDetails"/>, counted but not detailed (a long scan or query).</summary>
    public int DetailsNotKept => Volatile.Read(ref log)?.NotKept ?? 0;

    /// <summary>
    /// The attempts of an armed operation. Locked: one operation may make calls in parallel (scan segments), all
    /// observed into one record; calls are told apart by their request context, which the SDK makes once per call
    /// and reuses across retries.
    /// </summary>
    private sealed class AttemptLog
    {
        private readonly Lock gate = new();
        private AttemptDetail[] details = new AttemptDetail[4];
        private object?[] calls = new object?[2];
        private int callCount;

        public int Count { get; private set; }

        public int NotKept { get; private set; }

        public ReadOnlySpan<AttemptDetail> Details => details.AsSpan(0, Count);

        public int Begin(object? call, AttemptDetail detail)
        {
            lock (gate)
            {
                int callIndex = CallIndexOf(call);
                if (Count == MaxDetails)
                {
                    NotKept++;
                    return -1;
                }

                if (Count == details.Length)
                    Array.Resize(ref details, details.Length * 2);
                details[Count] = detail with { Call = callIndex };
                return Count++;
            }
        }

        public void End(int slot, long end, int status, string? requestId, string? throttleReason, Exception? error, long responseBytes)
        {
            lock (gate)
            {
                if ((uint)slot >= (uint)Count)
                    return;
                details[slot] = details[slot] with
                {
                    End = end,
                    Status = status,
                    RequestId = requestId,
                    ThrottleReason = throttleReason,
                    Error = error,
                    ResponseBytes = responseBytes,
                };
            }
        }

        private int CallIndexOf(object? call)
        {
            for (int i = callCount - 1; i >= 0; i--)
            {
                if (ReferenceEquals(calls[i], call))
                    return i;
            }

            if (callCount == calls.Length)
                Array.Resize(ref calls, calls.Length * 2);
            calls[callCount] = call;
            return callCount++;
        }
    }
}

/// <summary>One HTTP attempt as the observer saw it. Holds codes, ids and sizes only, never request or item content.</summary>
public readonly record struct AttemptDetail
{
    /// <summary>Which SDK call of the operation (0-based): a query's pages, a batch's resends and scan segments are separate calls.</summary>
    public int Call { get; init; }

    /// <summary>The SDK request type, e.g. <c>GetItemRequest</c>.</summary>
    public string? RequestName { get; init; }

    /// <summary>Timestamps of the clock the scope was armed with.</summary>
    public long Start { get; init; }

    public long End { get; init; }

    /// <summary>HTTP status, 0 when no response came.</summary>
    public int Status { get; init; }

    public string? RequestId { get; init; }

    /// <summary>Set when the attempt was throttled.</summary>
    public string? ThrottleReason { get; init; }

    /// <summary>The error of a failed attempt (the SDK's exception object, already allocated; nothing is copied).</summary>
    public Exception? Error { get; init; }

    public long RequestBytes { get; init; }

    public long ResponseBytes { get; init; }
}
