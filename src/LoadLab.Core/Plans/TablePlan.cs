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

    /// <summary>Global and local secondary indexes, in the order the suite declares them.</summary>
    public IReadOnlyList<IndexPlan> Indexes { get; init; } = [];

    /// <summary>Pre-warmed throughput asked for at creation, or null for DynamoDB's default.</summary>
    public WarmThroughputPlan? Warm { get; init; }

    /// <summary><c>keep: true</c>: the table stays between runs; teardown leaves it and re-seeding it asks first.</summary>
    public bool Keep { get; init; }
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

    /// <summary>On-demand only: the most read request units per second DynamoDB may serve (MaxReadRequestUnits), or null for no maximum.</summary>
    public long? MaxReadUnits { get; init; }

    /// <summary>On-demand only: the most write request units per second (MaxWriteRequestUnits), or null for no maximum.</summary>
    public long? MaxWriteUnits { get; init; }

    /// <summary>Provisioned only: auto scaling of the read units, or null for fixed units.</summary>
    public AutoScalingPlan? ReadAutoScaling { get; init; }

    /// <summary>Provisioned only: auto scaling of the write units, or null for fixed units.</summary>
    public AutoScalingPlan? WriteAutoScaling { get; init; }
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

    /// <summary>Bogus locale of names, addresses and texts, e.g. <c>en</c>, <c>de</c>, <c>fr_CA</c>.</summary>
    public string Locale { get; init; } = DefaultLocale;

    /// <summary>Template of the table's partition key, e.g. <c>CUSTOMER#{customerId}</c>; null for the model's default.</summary>
    public string? PartitionKeyTemplate { get; init; }

    /// <summary>Template of the table's sort key, e.g. <c>ORDER#{createdAt:yyyy-MM-dd}#{orderId}</c>; null for the model's default.</summary>
    public string? SortKeyTemplate { get; init; }

    /// <summary>Extra attributes rendered from templates, typically index keys such as <c>gsi1pk: STATUS#{status}</c>.</summary>
    public IReadOnlyList<AttributeTemplatePlan> Templates { get; init; } = [];

    /// <summary>Item size control by a padding attribute, or null to keep items as the model makes them.</summary>
    public ItemSizePlan? Size { get; init; }

    /// <summary>Fields of a model declared in the suite; set exactly when <see cref="Model"/> is <see cref="CustomModelName"/>.</summary>
    public IReadOnlyList<CustomFieldPlan>? CustomFields { get; init; }

    /// <summary>The <see cref="Model"/> name of a data set whose fields the suite declares.</summary>
    public const string CustomModelName = "custom";

    public const string DefaultLocale = "en";
}
