namespace LoadLab.Core.Results;

/// <summary>Everything measured for one operation (get, put, …) of one scenario, warm-up excluded.</summary>
public sealed record OperationResult
{
    public required string Name { get; init; }

    /// <summary>Arrivals assigned to this operation after warm-up: completed + dropped + cancelled.</summary>
    public required long Scheduled { get; init; }

    /// <summary>Operations that ran to an outcome.</summary>
    public required long Completed { get; init; }

    /// <summary>Completed operations per second of the measured window (<see cref="Throughput.Achieved"/>): the one ops/s every report shows.</summary>
    public double AchievedOpsPerSecond { get; init; }

    /// <summary>Completed operations by outcome kind (ok, throttled, conditionFailed, clientError, …).</summary>
    public required IReadOnlyDictionary<string, long> Outcomes { get; init; }

    /// <summary>Throttled operations by throttling reason.</summary>
    public required IReadOnlyDictionary<string, long> ThrottleReasons { get; init; }

    /// <summary>Failed operations by error code.</summary>
    public required IReadOnlyDictionary<string, long> ErrorCodes { get; init; }

    /// <summary>Arrivals skipped because the in-flight bound was reached (drop policy).</summary>
    public required long Dropped { get; init; }

    /// <summary>Operations still in flight when the drain timeout ran out.</summary>
    public required long Cancelled { get; init; }

    /// <summary>Latency from the intended start, corrected for coordinated omission. Budgets use this.</summary>
    public required LatencySummary Latency { get; init; }

    /// <summary>Latency from the actual send (service time).</summary>
    public required LatencySummary ServiceTime { get; init; }

    /// <summary>Latency of ok operations only, corrected: the headline latency of every report.</summary>
    public required LatencySummary OkLatency { get; init; }

    /// <summary>Corrected latency per outcome (ok, throttled, conditionFailed, …), so failures get their own rows; null in files written before it existed.</summary>
    public IReadOnlyDictionary<string, LatencySummary>? LatencyByOutcome { get; init; }

    /// <summary>HTTP attempts including retries.</summary>
    public required long Attempts { get; init; }

    public long Retries => Attempts - Completed;

    /// <summary>Attempts answered with a throttle, including ones a retry recovered from.</summary>
    public required long ThrottledAttempts { get; init; }

    /// <summary>
    /// Every throttle the operation met: throttled attempts plus batch items (or keys) returned unprocessed,
    /// which is how DynamoDB throttles inside a batch. Shown wherever throttles are shown.
    /// </summary>
    public long ThrottleEvents => ThrottledAttempts + (UnprocessedItems ?? 0);

    public required double ReadUnits { get; init; }

    public required double WriteUnits { get; init; }

    // Null (left out of results.json) when zero: only query, scan and the batch operations have them.

    /// <summary>Items returned (query and scan after the filter, batchGet, transactGet).</summary>
    public long? ItemsReturned { get; init; }

    /// <summary>Items a query or scan read before its filter; with <see cref="ItemsReturned"/> it shows how selective the filter is.</summary>
    public long? ItemsScanned { get; init; }

    /// <summary>Query and scan requests (pages) over all operations.</summary>
    public long? Pages { get; init; }

    /// <summary>Batch requests resent for unprocessed items or keys.</summary>
    public long? UnprocessedRetries { get; init; }

    /// <summary>Items or keys batch responses returned unprocessed (each one a throttle event), summed over the resends.</summary>
    public long? UnprocessedItems { get; init; }
    /// <summary>Attempts answered by a fault the simulator injected (<c>simulator.faults</c>), whether a retry recovered or not; null without faults.</summary>
    public long? InjectedAttempts { get; init; }

    /// <summary>Operations whose outcome was an injected fault (the SDK's retries did not get past it); they are also counted under their outcome.</summary>
    public long? InjectedFailures { get; init; }

    /// <summary>Cumulative corrected-latency histogram (all outcomes), HdrHistogram V2 compressed, base64; exact merges and re-reports use it.</summary>
    public string? LatencyHistogram { get; init; }

    /// <summary>Cumulative service-time histogram (all outcomes), encoded likewise.</summary>
    public string? ServiceTimeHistogram { get; init; }

    /// <summary>Cumulative corrected-latency histogram of ok operations, encoded likewise: exact merges and comparisons of the headline latency.</summary>
    public string? OkLatencyHistogram { get; init; }

    /// <summary>One point per interval.</summary>
    public required IReadOnlyList<OperationInterval> Series { get; init; }

    /// <summary>Traces worth opening (the slowest, throttled and failed operations that were traced); null when tracing was off.</summary>
    public IReadOnlyList<TraceExemplar>? Exemplars { get; init; }

    public long Count(string outcome) => Outcomes.TryGetValue(outcome, out long n) ? n : 0;
}

/// <summary>One interval of one operation.</summary>
/// <param name="Start">Seconds from the run's start.</param>
/// <param name="Length">Seconds covered (1 unless the series was coarsened for a long run).</param>
/// <param name="Histogram">This interval's corrected-latency histogram (all outcomes), compressed and base64-encoded like
/// <see cref="OperationResult.LatencyHistogram"/>: latency.hlog and exact sliding-window budgets are built from it.</param>
/// <param name="OkHistogram">The interval's ok operations alone, encoded likewise; null when every completed operation was ok
/// (then <paramref name="Histogram"/> is theirs) or none was. Comparisons bootstrap over these.</param>
/// <param name="ThrottleEvents">Throttled attempts plus unprocessed batch items in the interval; null when none.</param>
public sealed record OperationInterval(
    double Start,
    double Length,
    long Completed,
    long Ok,
    long Throttled,
    long Errors,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    double ServiceP50Ms,
    double ServiceP99Ms,
    string? Histogram = null,
    string? OkHistogram = null,
    long? ThrottleEvents = null)
{
    /// <summary>The encoded histogram of the interval's ok operations: its own, or the whole interval's when all were ok; null when none was (or an old file does not say).</summary>
    public string? OkLatencyEncoded() => OkHistogram ?? (Ok > 0 && Ok == Completed ? Histogram : null);
    // Optional, so results written before they existed still read; null also where intervals were merged (long runs, shards).

    /// <summary>Median corrected latency of this interval's ok operations, ms (CloudWatch EMF reports successful latency).</summary>
    public double? OkP50Ms { get; init; }

    /// <summary>99th percentile of the corrected latency of this interval's ok operations, ms.</summary>
    public double? OkP99Ms { get; init; }

    /// <summary>Read units DynamoDB reported as consumed by operations that ended in this interval.</summary>
    public double? ReadUnits { get; init; }

    /// <summary>Write units DynamoDB reported as consumed by operations that ended in this interval.</summary>
    public double? WriteUnits { get; init; }
}

/// <summary>A traced operation picked as an example, so a report can link straight to its trace.</summary>
/// <param name="TraceId">X-Ray trace id, e.g. <c>1-5f3a1b2c-0123456789abcdef01234567</c>.</param>
/// <param name="Kind">Why it was picked: <c>slowest</c>, <c>throttled</c> or <c>failed</c>.</param>
/// <param name="LatencyMs">Time the operation took, from send to outcome.</param>
/// <param name="Outcome">Outcome kind as in <see cref="OperationResult.Outcomes"/> (ok, throttled, …).</param>
/// <param name="Reason">Throttling reason or error code, when there was one.</param>
/// <param name="ConsoleUrl">The trace in the X-Ray (CloudWatch) console of the run's region.</param>
public sealed record TraceExemplar(string TraceId, string Kind, double LatencyMs, string Outcome, string? Reason, string? ConsoleUrl);
