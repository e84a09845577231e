namespace LoadLab.Tracing.Capture;

/// <summary>
/// Lets a driver record the HTTP attempts of the call an executor makes, so a kept operation gets one subsegment per
/// attempt. <see cref="TracingExecutor"/> arms it right before calling the inner executor and disarms it right after
/// that call returns (synchronously, before awaiting), so only the call started in between is captured.
/// </summary>
public interface ICallCapture
{
    /// <summary>
    /// Arms capture on this thread. <paramref name="traceHeader"/>, when not null, goes out as <c>X-Amzn-Trace-Id</c>
    /// on every attempt; <paramref name="clock"/> timestamps them.
    /// </summary>
    void Arm(TimeProvider clock, string? traceHeader);

    /// <summary>Disarms; returns an opaque token for what the call records, or null when no call picked up the capture.</summary>
    object? Disarm();

    /// <summary>Reads a finished call. Runs off the hot path, only for operations that are kept.</summary>
    CallDetails Read(object token);
}

/// <summary>What a driver saw of the SDK calls one operation made (one for a get; several for query pages or batch resends).</summary>
/// <param name="Calls">Each SDK call, in the order they started.</param>
/// <param name="AttemptsNotShown">Attempts counted but not detailed, beyond the driver's bound.</param>
public sealed record CallDetails(IReadOnlyList<CapturedCall> Calls, int AttemptsNotShown = 0);

/// <summary>One SDK call and its HTTP attempts.</summary>
/// <param name="Operation">The service operation, e.g. <c>GetItem</c>; null when unknown.</param>
/// <param name="Attempts">Each HTTP attempt, in order; retries are all but the first.</param>
public sealed record CapturedCall(string? Operation, IReadOnlyList<AttemptSpan> Attempts)
{
    public int Retries => Math.Max(0, Attempts.Count - 1);
}

/// <summary>One HTTP attempt. Never holds request or item content: only sizes, codes and ids.</summary>
/// <param name="Start">Timestamp (of the clock given to <see cref="ICallCapture.Arm"/>) when the attempt started.</param>
/// <param name="End">Timestamp when it ended.</param>
/// <param name="Status">HTTP status, 0 when no response came (timeout, network).</param>
/// <param name="RequestId">The service's request id (<c>x-amzn-RequestId</c>).</param>
/// <param name="ThrottleReason">Set when the attempt was throttled, e.g. <c>KeyRangeThroughputExceeded</c>.</param>
/// <param name="Error">The error of a failed attempt.</param>
/// <param name="RequestBytes">Request body size.</param>
/// <param name="ResponseBytes">Response body size (0 when unknown).</param>
public sealed record AttemptSpan(
    long Start,
    long End,
    int Status,
    string? RequestId,
    string? ThrottleReason,
    AttemptError? Error,
    long RequestBytes,
    long ResponseBytes)
{
    public bool Throttled => ThrottleReason is not null;
}

/// <summary>The error of an attempt, already stripped of anything that may carry request content.</summary>
/// <param name="Type">Exception type, e.g. <c>ProvisionedThroughputExceededException</c>.</param>
/// <param name="Code">Service error code, when the service answered.</param>
/// <param name="Message">A message safe to export, or null when the message could echo request values.</param>
/// <param name="Remote">True when the service returned the error (not a local timeout or network failure).</param>
public sealed record AttemptError(string Type, string? Code, string? Message, bool Remote);
