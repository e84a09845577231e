using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>One batch still had unwritten items after its last allowed attempt. Wrapped in <see cref="SeedingIncompleteException"/>.</summary>
public sealed class BatchRetriesExhaustedException : Exception
{
    public BatchRetriesExhaustedException()
    {
    }

    public BatchRetriesExhaustedException(string message)
        : base(message)
    {
    }

    public BatchRetriesExhaustedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BatchRetriesExhaustedException(int attempts, int itemsLeft, Exception? lastError)
        : base(Formatting.Invariant(
            $"A batch still had {itemsLeft} unwritten items after {attempts} attempts ({(lastError is null ? "returned as unprocessed" : lastError.GetType().Name)})."),
            lastError)
    {
    }
}
