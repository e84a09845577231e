namespace LoadLab.Core.Outcomes;

/// <summary>
/// The result of one logical operation, as a value: the hot path never throws for an expected
/// outcome such as a throttle or a failed condition.
/// </summary>
/// <param name="Kind">How the operation ended.</param>
/// <param name="Attempts">HTTP attempts the client made (1 when no retry happened).</param>
/// <param name="ThrottledAttempts">Attempts answered with a throttle, including ones a later retry recovered from.</param>
/// <param name="ReadUnits">Read capacity units the target reported as consumed (table plus indexes).</param>
/// <param name="WriteUnits">Write capacity units the target reported as consumed.</param>
/// <param name="Reason">For throttles the throttling reason (e.g. <c>KeyRangeThroughputExceeded</c>); for errors the error code.</param>
public readonly record struct OperationOutcome(
    OutcomeKind Kind,
    int Attempts = 1,
    int ThrottledAttempts = 0,
    double ReadUnits = 0,
    double WriteUnits = 0,
    string? Reason = null)
{
    public static readonly OperationOutcome Ok = new(OutcomeKind.Ok);

    // Item counts are init-only rather than positional: get and put never set them, and their
    // constructor calls and deconstruction stay as they were. int is plenty for one operation.

    /// <summary>Items the operation returned (query and scan after their filter, batchGet, transactGet).</summary>
    public int ItemsReturned { get; init; }

    /// <summary>Items a query or scan read before its filter: what capacity is charged for.</summary>
    public int ItemsScanned { get; init; }

    /// <summary>Requests a query or scan needed, following LastEvaluatedKey (over all shards and segments).</summary>
    public int Pages { get; init; }

    /// <summary>Batch requests resent for unprocessed items or keys (DynamoDB's batch form of a throttle).</summary>
    public int UnprocessedRetries { get; init; }

    /// <summary>Items or keys batch responses returned unprocessed, summed over the resends: each is one throttle event.</summary>
    public int UnprocessedItems { get; init; }
    /// <summary>Attempts answered by a fault the simulator injected (<see cref="InjectedFaults"/>), recovered or not.</summary>
    public int InjectedAttempts { get; init; }

    /// <summary>True when the outcome itself came from an injected fault: the SDK's retries did not get past it.</summary>
    public bool Injected { get; init; }

    /// <summary>True when any item count is set; recorders skip the counters otherwise.</summary>
    public bool HasItemCounts => (ItemsReturned | ItemsScanned | Pages | UnprocessedRetries | UnprocessedItems) != 0;
}
