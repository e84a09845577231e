using LoadLab.Core.Keys;

namespace LoadLab.DynamoDb.Driver;

/// <summary>How the executor treats the target beyond the scenario itself.</summary>
public sealed record DriverOptions
{
    public static readonly DriverOptions Default = new();

    /// <summary>What the target implements; operations it lacks are reported up front and never sent.</summary>
    public TargetCapabilities Target { get; init; } = TargetCapabilities.DynamoDb;

    /// <summary>
    /// Times a batch request is resent for its unprocessed items or keys before the operation ends as throttled.
    /// The SDK does not retry these: DynamoDB answers 200 with part of the batch left over.
    /// </summary>
    public int MaxUnprocessedRetries { get; init; } = 8;

    /// <summary>First wait before resending unprocessed items; it doubles per retry up to <see cref="UnprocessedMaxDelay"/>, with jitter.</summary>
    public TimeSpan UnprocessedBaseDelay { get; init; } = TimeSpan.FromMilliseconds(25);

    public TimeSpan UnprocessedMaxDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>With <c>--shard i/N</c>: operations target this shard's slice of the items and insert keys no other shard uses.</summary>
    public KeyShard Shard { get; init; } = KeyShard.Whole;
}
