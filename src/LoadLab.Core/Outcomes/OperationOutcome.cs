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
}
