namespace LoadLab.DynamoDb.Data;

/// <summary>
/// Sizes of items sampled evenly across a data set, for <c>plan</c>: what a read or write of an average item costs,
/// and whether the key design gives every item its own key.
/// </summary>
/// <param name="Samples">Items generated.</param>
/// <param name="AverageBytes">Mean DynamoDB item size (docs/capacity-model.md §3), keys and padding included.</param>
/// <param name="AverageWriteUnits">Mean write units of a put: size rounded up to 1 KB per item.</param>
/// <param name="AverageReadUnits">Mean read units of a strongly consistent get: size rounded up to 4 KB (halve for eventually consistent).</param>
/// <param name="DuplicateKeys">Sampled items whose key another sampled item already has; more than 0 means items overwrite each other.</param>
/// <param name="DistinctPartitionKeys">Different partition key values among the samples: few means hot partitions.</param>
public sealed record ItemSizeSample(
    int Samples,
    double AverageBytes,
    long MinBytes,
    long MaxBytes,
    double AverageWriteUnits,
    double AverageReadUnits,
    int DuplicateKeys,
    int DistinctPartitionKeys);
