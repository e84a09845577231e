using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>The key attributes of a query or scan's target: the table itself or one of its secondary indexes.</summary>
/// <param name="IndexName">Null for the table.</param>
internal sealed record ReadTarget(string? IndexName, KeyAttribute Partition, KeyAttribute? Sort, IndexKind? Kind = null)
{
    /// <exception cref="ArgumentException">The table has no index of that name, or a consistent read of a global index.</exception>
    public static ReadTarget Resolve(TablePlan table, OperationOptions options)
    {
        if (options.Index is not { } name)
            return new ReadTarget(null, table.PartitionKey, table.SortKey);
        var index = table.Indexes.FirstOrDefault(i => i.Name == name);
        if (index is null)
        {
            var known = table.Indexes.Count == 0 ? "it has none" : "its indexes: " + string.Join(", ", table.Indexes.Select(i => i.Name));
            throw new ArgumentException($"Table '{table.Id}' has no index '{name}'; {known}.", nameof(options));
        }

        // DynamoDB refuses these outright; better said before the run than as a stream of validation errors.
        if (options.ConsistentRead && index.Kind == IndexKind.Global)
            throw new ArgumentException($"Index '{name}' is global, and global indexes are only eventually consistent; drop consistent.", nameof(options));
        return new ReadTarget(index.Name, index.PartitionKey, index.SortKey, index.Kind);
    }
}
