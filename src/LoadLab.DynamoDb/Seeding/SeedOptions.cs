using LoadLab.Core.Keys;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>How <see cref="Seeder"/> writes a data set.</summary>
public sealed class SeedOptions
{
    /// <summary>BatchWriteItem calls in flight at once.</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>Receives the running total of items written.</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>
    /// How long seeding may go without writing a single item before it gives up: unprocessed and throttled items are
    /// retried with backoff for as long as anything is written (the suite's <c>failOn.seedingStalledFor</c>).
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The write capacity of the table and its global indexes (<see cref="SeedPace.DescribeAsync"/>): seeding paces itself
    /// below it and cuts batches to fit it. Null writes as fast as the target takes it.
    /// </summary>
    public SeedCapacity? Capacity { get; init; }

    /// <summary>First backoff delay; it doubles per retry without progress up to <see cref="MaxDelay"/>, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>With <c>--shard i/N</c>: write only this shard's slice of the items; the N shards together write them all.</summary>
    public KeyShard Shard { get; init; } = KeyShard.Whole;
}
