using LoadLab.Core.Execution;
using LoadLab.DynamoDb.Seeding;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// Backoff between resends of a batch's unprocessed items or keys. DynamoDB answers a batch it could only partly
/// serve (usually a throttle) with 200 and the rest, so the SDK never retries it: the caller must, with backoff.
/// </summary>
internal static class UnprocessedRetry
{
    /// <summary>Waits before resend <paramref name="retry"/> (0 for the first); jitter derives from the sequence, so runs repeat.</summary>
    public static Task WaitAsync(DriverContext context, int retry, long sequence, CancellationToken cancellationToken)
    {
        var options = context.Options;
        double jitter = DeterministicHash.ToUnit(DeterministicHash.Of(sequence, retry));
        var delay = Backoff.Delay(retry, options.UnprocessedBaseDelay, options.UnprocessedMaxDelay, jitter);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, context.Time, cancellationToken);
    }
}
