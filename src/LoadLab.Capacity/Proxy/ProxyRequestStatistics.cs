namespace LoadLab.Capacity.Proxy;

/// <summary>
/// What the proxy saw of the client's calls and attempts (docs/capacity-model.md §18): an SDK call is one logical
/// call however often it is retried; every attempt is counted, and so is each attempt the proxy throttled.
/// Served as <c>requests</c> in <c>GET /_loadlab/metrics</c>, beside the model's snapshot.
/// </summary>
public sealed record ProxyRequestStatistics
{
    /// <summary>HTTP requests to the DynamoDB API (every SDK attempt).</summary>
    public long Attempts { get; init; }

    /// <summary>Distinct SDK calls (by <c>amz-sdk-invocation-id</c>; a request without one is its own call).</summary>
    public long LogicalCalls { get; init; }

    /// <summary>Attempts after the first of their call (<c>attempt=N</c> with N &gt; 1).</summary>
    public long RetryAttempts { get; init; }

    /// <summary>Attempts answered with a throttling exception.</summary>
    public long ThrottledAttempts { get; init; }

    /// <summary>Batch attempts of which some items were refused and returned as unprocessed.</summary>
    public long PartiallyThrottledAttempts { get; init; }

    /// <summary>Attempts the proxy answered with an error of its own (bad input, emulator unreachable).</summary>
    public long RejectedAttempts { get; init; }

    /// <summary>Per operation name.</summary>
    public IReadOnlyDictionary<string, OperationStatistics> Operations { get; init; } = new Dictionary<string, OperationStatistics>();

    /// <summary>How many calls took 1, 2, 3 … attempts (calls with an invocation id).</summary>
    public IReadOnlyDictionary<int, long> CallsByAttempts { get; init; } = new Dictionary<int, long>();

    /// <summary>The most recent calls (bounded), newest last.</summary>
    public IReadOnlyList<CallStatistics> RecentCalls { get; init; } = [];
}

public sealed record OperationStatistics(long Attempts, long ThrottledAttempts, long PartiallyThrottledAttempts);

/// <summary>One SDK call as the proxy saw it.</summary>
/// <param name="MaxAttempts">The SDK's <c>max=M</c>, when it sent one.</param>
/// <param name="LastOutcome">served, throttled, partially-throttled or rejected.</param>
public sealed record CallStatistics(
    string InvocationId,
    string Operation,
    int Attempts,
    int ThrottledAttempts,
    int? MaxAttempts,
    string LastOutcome,
    DateTimeOffset FirstAttemptAt,
    DateTimeOffset LastAttemptAt);
