namespace LoadLab.Runner.Planning;

/// <summary>
/// What seeding a data set writes and what its items cost to read and write, estimated from a sample of generated
/// items sized with DynamoDB's item-size rules (docs/capacity-model.md §3).
/// </summary>
/// <param name="Items">Items seeded.</param>
/// <param name="AverageBytes">Mean item size, keys and padding included.</param>
/// <param name="AverageReadUnits">Mean strongly consistent read units of one item: its size rounded up to 4 KB.</param>
/// <param name="AverageWriteUnits">Mean write units of one item: its size rounded up to 1 KB.</param>
/// <param name="ItemsPerPartition">Items sharing one table partition key value (what a query of one partition reads).</param>
/// <param name="PartitionShards">Shards of a <c>{shard(N)}</c> partition key: a query asks each of them.</param>
public sealed record DataSetEstimate(
    long Items,
    double AverageBytes,
    double AverageReadUnits,
    double AverageWriteUnits,
    double ItemsPerPartition,
    int PartitionShards = 1)
{
    /// <summary>Items per partition key value of each secondary index, by index name (absent: not estimated).</summary>
    public IReadOnlyDictionary<string, double> ItemsPerIndexPartition { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// Mean write units one seeded item costs on each capacity resource (the table with its local indexes, then each
    /// global index: <see cref="DynamoDb.Seeding.SeedUnits.Resources"/> order); empty when not estimated.
    /// </summary>
    public IReadOnlyList<double> SeedUnitsPerItem { get; init; } = [];

    /// <summary>Bytes the seeded items take in all: the mean size times the item count.</summary>
    public double TotalBytes => Items * AverageBytes;
}
