namespace LoadLab.Core.Plans;

/// <summary>A table the run uses, described without any AWS type.</summary>
public sealed record TablePlan
{
    /// <summary>The key under <c>tables:</c> in the suite; scenarios and data sets refer to it.</summary>
    public required string Id { get; init; }

    /// <summary>Physical table name, environment prefix included (e.g. <c>stg_Orders_v2</c>).</summary>
    public required string Name { get; init; }

    public required KeyAttribute PartitionKey { get; init; }

    public KeyAttribute? SortKey { get; init; }

    public CapacityPlan Capacity { get; init; } = CapacityPlan.OnDemand;
}

/// <summary>A key attribute: name and DynamoDB scalar type (S, N or B).</summary>
public sealed record KeyAttribute(string Name, string Type);

public enum CapacityMode
{
    OnDemand,
    Provisioned,
}

public sealed record CapacityPlan(CapacityMode Mode, long ReadUnits = 0, long WriteUnits = 0)
{
    public static readonly CapacityPlan OnDemand = new(CapacityMode.OnDemand);
}

/// <summary>Items seeded into a table before the scenarios start.</summary>
public sealed record DataSetPlan
{
    public required string TableId { get; init; }

    /// <summary>Data model name, e.g. <c>customer</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Number of items; item i is generated from (seed, i) alone.</summary>
    public required long Items { get; init; }

    public required long Seed { get; init; }
}
