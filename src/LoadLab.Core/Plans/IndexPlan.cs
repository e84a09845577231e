namespace LoadLab.Core.Plans;

public enum IndexKind
{
    /// <summary>A global secondary index: any partition key, its own capacity.</summary>
    Global,

    /// <summary>A local secondary index: the table's partition key, another sort key, the table's capacity.</summary>
    Local,
}

public enum ProjectionKind
{
    All,
    KeysOnly,

    /// <summary>The keys plus <see cref="IndexPlan.NonKeyAttributes"/>.</summary>
    Include,
}

/// <summary>A secondary index of a table, described without any AWS type.</summary>
public sealed record IndexPlan
{
    /// <summary>Index name as DynamoDB knows it (not prefixed: index names are scoped to their table).</summary>
    public required string Name { get; init; }

    public IndexKind Kind { get; init; } = IndexKind.Global;

    public required KeyAttribute PartitionKey { get; init; }

    public KeyAttribute? SortKey { get; init; }

    public ProjectionKind Projection { get; init; } = ProjectionKind.All;

    /// <summary>Attributes copied into the index besides the keys; only with <see cref="ProjectionKind.Include"/>.</summary>
    public IReadOnlyList<string> NonKeyAttributes { get; init; } = [];

    /// <summary>
    /// A global index's own capacity, in the table's mode: provisioned units, or on-demand maximums. Null takes the
    /// table's provisioned units (DynamoDB requires units for every index of a provisioned table) or no maximum.
    /// </summary>
    public CapacityPlan? Capacity { get; init; }
}

/// <summary>Throughput a table is pre-warmed to at creation (WarmThroughput), in units per second; null leaves one dimension alone.</summary>
public sealed record WarmThroughputPlan(long? ReadUnitsPerSecond, long? WriteUnitsPerSecond);
