namespace LoadLab.DynamoDb.Client;

/// <summary>
/// Hands a per-call <see cref="AttemptRecord"/> from the code that makes an SDK call to the pipeline handler that
/// observes its attempts. An AsyncLocal flows with the call through the SDK's awaits and is never shared by two
/// concurrent calls, so no lookup table or lock is needed.
/// </summary>
public static class AttemptScope
{
    private static readonly AsyncLocal<AttemptRecord?> CurrentRecord = new();

    /// <summary>The record of the call in progress on this async flow, or null.</summary>
    public static AttemptRecord? Current => CurrentRecord.Value;

    /// <summary>
    /// Starts observing: SDK calls made from here on in this async flow count into the returned record. Call it inside
    /// an async method so the value is dropped when that method returns.
    /// </summary>
    public static AttemptRecord Begin()
    {
        var record = new AttemptRecord();
        CurrentRecord.Value = record;
        return record;
    }

    /// <summary>Stops observing in this async flow.</summary>
    public static void End() => CurrentRecord.Value = null;
}
