using LoadLab.Core.Keys;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>How <see cref="Seeder"/> writes a data set.</summary>
public sealed class SeedOptions
{
    /// <summary>BatchWriteItem calls in flight at once.</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>Receives the running total of items written.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>Calls per batch, the first included, before the seeder gives up on unprocessed or throttled items.</summary>
    public int MaxAttemptsPerBatch { get; init; } = 10;

    /// <summary>First backoff delay; it doubles per retry up to <see cref="MaxDelay"/>, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>With <c>--shard i/N</c>: write only this shard's slice of the items; the N shards together write them all.</summary>
    public KeyShard Shard { get; init; } = KeyShard.Whole;
}
