using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>No item was written for the seeder's stall timeout although it kept retrying. Wrapped in <see cref="SeedingIncompleteException"/>.</summary>
public sealed class SeedingStalledException : Exception
{
    public SeedingStalledException()
    {
    }

    public SeedingStalledException(string message)
        : base(message)
    {
    }

    public SeedingStalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SeedingStalledException(TimeSpan stalledFor, int itemsLeft, Exception? lastError)
        : base(Formatting.Invariant(
            $"No item was written for {Formatting.Duration(stalledFor)} (failOn.seedingStalledFor) while a batch of {itemsLeft} items kept coming back {(lastError is null ? "unprocessed" : "with " + lastError.GetType().Name)}: the table or an index takes no writes."),
            lastError)
    {
    }
}
