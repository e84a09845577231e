namespace LoadLab.DynamoDb.Client;

/// <summary>
/// What the pipeline observed for one logical SDK call: HTTP attempts and throttled attempts, including throttles a
/// later retry recovered from. One instance per call, handed to the pipeline through <see cref="AttemptScope"/>.
/// </summary>
public sealed class AttemptRecord
{
    private int attempts;
    private int throttledAttempts;
    private int sdkRetries;
    private string? lastThrottleReason;

    /// <summary>HTTP attempts seen (0 when the client has no observer in its pipeline).</summary>
    public int Attempts => Volatile.Read(ref attempts);

    /// <summary>Attempts the target answered with a throttle.</summary>
    public int ThrottledAttempts => Volatile.Read(ref throttledAttempts);

    /// <summary>The SDK's <c>RequestContext.Retries</c> after the last attempt.</summary>
    public int SdkRetries => Volatile.Read(ref sdkRetries);

    /// <summary>Throttling reason of the most recent throttled attempt, e.g. <c>KeyRangeThroughputExceeded</c>.</summary>
    public string? LastThrottleReason => Volatile.Read(ref lastThrottleReason);

    internal void OnAttemptStarted() => Interlocked.Increment(ref attempts);

    internal void OnThrottled(string reason)
    {
        Interlocked.Increment(ref throttledAttempts);
        Volatile.Write(ref lastThrottleReason, reason);
    }

    internal void OnAttemptEnded(int retriesSoFar) => Volatile.Write(ref sdkRetries, retriesSoFar);
}
