using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>Seeding stopped before every item was written; says how many were and were not.</summary>
public sealed class SeedingIncompleteException : Exception
{
    public SeedingIncompleteException()
    {
    }

    public SeedingIncompleteException(string message)
        : base(message)
    {
    }

    public SeedingIncompleteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SeedingIncompleteException(string tableName, long itemsWritten, long itemsNotWritten, Exception? innerException)
        : base(Formatting.Invariant(
            $"Seeding table '{tableName}' stopped: {itemsNotWritten} of {itemsWritten + itemsNotWritten} items were not written. {innerException?.Message}").TrimEnd(),
            innerException)
    {
        TableName = tableName;
        ItemsWritten = itemsWritten;
        ItemsNotWritten = itemsNotWritten;
    }

    public string TableName { get; } = string.Empty;

    public long ItemsWritten { get; }

    public long ItemsNotWritten { get; }
}
