namespace LoadLab.DynamoDb.Client;

/// <summary>
/// Hands a per-call <see cref="AttemptRecord"/> from the code that makes an SDK call to the pipeline handler that
/// observes its attempts. An AsyncLocal flows with the call through the SDK's awaits and is never shared by two
/// concurrent calls, so no lookup table or lock is needed.
/// </summary>
/// <remarks>
/// Tracing arms the scope (<see cref="Arm"/>) on the calling thread right before it calls the executor, and disarms it
/// right after the executor returns its pending task. The executor calls <see cref="Begin"/> before its first await,
/// so that record is the one armed: it gets details and the trace header. Thread-static fields, not a second
/// AsyncLocal, so arming costs no ExecutionContext copy; nothing is armed when tracing is off.
/// </remarks>
public static class AttemptScope
{
    private static readonly AsyncLocal<AttemptRecord?> CurrentRecord = new();

    [ThreadStatic]
    private static TimeProvider? armedClock;

    [ThreadStatic]
    private static string? armedHeader;

    [ThreadStatic]
    private static AttemptRecord? armedRecord;

    /// <summary>The record of the call in progress on this async flow, or null.</summary>
    public static AttemptRecord? Current => CurrentRecord.Value;

    /// <summary>
    /// Starts observing: SDK calls made from here on in this async flow count into the returned record. Call it inside
    /// an async method so the value is dropped when that method returns.
    /// </summary>
    public static AttemptRecord Begin()
    {
        var record = new AttemptRecord();
        if (armedClock is { } clock)
        {
            // Only the first Begin after arming is the traced call.
            record.EnableDetails(clock, armedHeader);
            armedRecord = record;
            armedClock = null;
            armedHeader = null;
        }

        CurrentRecord.Value = record;
        return record;
    }

    /// <summary>Stops observing in this async flow.</summary>
    public static void End() => CurrentRecord.Value = null;

    /// <summary>Asks the next <see cref="Begin"/> on this thread to capture attempt details and send <paramref name="traceHeader"/>.</summary>
    public static void Arm(TimeProvider clock, string? traceHeader)
    {
        ArgumentNullException.ThrowIfNull(clock);
        armedClock = clock;
        armedHeader = traceHeader;
        armedRecord = null;
    }

    /// <summary>Clears the arming; returns the record that picked it up, or null when no call began.</summary>
    public static AttemptRecord? Disarm()
    {
        var record = armedRecord;
        armedClock = null;
        armedHeader = null;
        armedRecord = null;
        return record;
    }
}
