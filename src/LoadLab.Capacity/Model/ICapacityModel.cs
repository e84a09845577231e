namespace LoadLab.Capacity.Model;

/// <summary>
/// The contract between the capacity model (pure, TimeProvider-driven) and the proxy that applies
/// it to real DynamoDB traffic. The proxy turns requests into <see cref="Charge"/>s (it knows the
/// wire format and item sizes); the model decides admission and keeps the buckets, partitions,
/// ceilings, auto scaling and metrics. Thread-safe: the proxy calls it from many requests at once.
/// </summary>
public interface ICapacityModel
{
    /// <summary>Starts tracking a table (from CreateTable). Replaces any earlier definition of the same name.</summary>
    void CreateTable(TableCapacityDefinition definition);

    /// <summary>Applies an UpdateTable (capacity, billing mode, GSIs added). Rejected decreases or mode switches over their budget come back as a refusal.</summary>
    TableUpdateResult UpdateTable(TableCapacityDefinition definition);

    void DeleteTable(string tableName);

    bool Knows(string tableName);

    /// <summary>The table's current capacity settings (provisioned units change under auto scaling), or null when unknown.</summary>
    TableCapacityDefinition? Describe(string tableName);

    /// <summary>
    /// Decides whether a request (or one item of a batch) may run, given its estimated charges.
    /// Index charges are checked before table charges. A refusal deducts nothing and is counted
    /// in the metrics; an admission deducts nothing yet — call <see cref="Settle"/> with the actual charges.
    /// </summary>
    Admission Admit(IReadOnlyList<Charge> estimated);

    /// <summary>Deducts what an admitted request actually consumed (known after the emulator answered); buckets may go into debt.</summary>
    void Settle(IReadOnlyList<Charge> actual);

    /// <summary>
    /// Admits like <see cref="Admit"/> and, when admitted, deducts the estimate at once, so what is asked next
    /// (the next item of the same batch, or another request) sees the units this one took (M4: batches are
    /// admitted item by item, deducting as they go). Once the emulator answered, <see cref="Settle"/> the
    /// actual charges and <see cref="Release"/> the reserved ones. A model without reservations only admits.
    /// </summary>
    Admission Reserve(IReadOnlyList<Charge> estimated) => Admit(estimated);

    /// <summary>Gives back units taken by <see cref="Reserve"/> (settled separately, or not consumed at all).</summary>
    void Release(IReadOnlyList<Charge> reserved)
    {
    }

    /// <summary>Records the size of an item stored in a table (for size splits and storage cost); delta may be negative.</summary>
    void RecordStoredBytes(string tableName, long deltaBytes);

    /// <summary>Per-second metrics since the start (bounded), for the metrics endpoint and results.json.</summary>
    CapacityMetricsSnapshot Snapshot();

    /// <summary>The preset name and the parameters in force (after overrides), for the report.</summary>
    CapacitySettings Settings { get; }

    /// <summary>
    /// Runs periodic work (per-second split checks and metrics, per-minute datapoints, due scaling)
    /// up to the current time. Every other call does this lazily; call it from a timer so metrics
    /// and scaling progress while no traffic arrives. The model itself never starts a thread.
    /// </summary>
    void Tick()
    {
    }
}

public enum CapacityDimension
{
    Read,
    Write,
}

public enum CapacityBillingMode
{
    Provisioned,
    OnDemand,
}

/// <summary>
/// Units a request consumes on one resource (the table, or one of its GSIs when <see cref="Index"/>
/// is set; LSI charges go to the table) in one dimension.
/// </summary>
/// <param name="PartitionHash">64-bit hash of the partition key value (routes to a partition).</param>
/// <param name="ItemKey">Canonical text of the item's primary key (per-item limits, hot-key statistics); never shown to users unhashed.</param>
public readonly record struct Charge(
    string Table,
    string? Index,
    CapacityDimension Dimension,
    double Units,
    ulong PartitionHash,
    string ItemKey);

/// <summary>Capacity settings of a table as CreateTable/UpdateTable (and the suite's auto scaling policy) describe them.</summary>
public sealed record TableCapacityDefinition
{
    public required string TableName { get; init; }

    public CapacityBillingMode Mode { get; init; } = CapacityBillingMode.OnDemand;

    /// <summary>Provisioned read/write units (ignored on demand).</summary>
    public double ReadUnits { get; init; }

    public double WriteUnits { get; init; }

    /// <summary>On-demand maximums (MaxReadRequestUnits / MaxWriteRequestUnits); null = none.</summary>
    public double? MaxReadRequestUnits { get; init; }

    public double? MaxWriteRequestUnits { get; init; }

    /// <summary>Warm throughput (reads/writes per second); null = none.</summary>
    public double? WarmReadUnitsPerSecond { get; init; }

    public double? WarmWriteUnitsPerSecond { get; init; }

    public AutoScalingPolicy? ReadScaling { get; init; }

    public AutoScalingPolicy? WriteScaling { get; init; }

    public bool HasLocalIndexes { get; init; }

    public IReadOnlyList<IndexCapacityDefinition> GlobalIndexes { get; init; } = [];
}

public sealed record IndexCapacityDefinition
{
    public required string IndexName { get; init; }

    public double ReadUnits { get; init; }

    public double WriteUnits { get; init; }

    public double? MaxReadRequestUnits { get; init; }

    public double? MaxWriteRequestUnits { get; init; }

    public AutoScalingPolicy? ReadScaling { get; init; }

    public AutoScalingPolicy? WriteScaling { get; init; }
}

/// <summary>Target tracking: keep utilisation near <see cref="TargetUtilization"/> (0.2–0.9) between min and max units.</summary>
public sealed record AutoScalingPolicy(double TargetUtilization, double MinUnits, double MaxUnits);

public sealed record TableUpdateResult(bool Accepted, string? RefusalMessage)
{
    public static readonly TableUpdateResult Ok = new(true, null);

    /// <summary>The DynamoDB error type a refusal maps to (e.g. LimitExceededException, ResourceNotFoundException); null when accepted.</summary>
    public string? ErrorType { get; init; }

    public static TableUpdateResult LimitExceeded(string message) => new(false, message) { ErrorType = "LimitExceededException" };

    public static TableUpdateResult NotFound(string message) => new(false, message) { ErrorType = "ResourceNotFoundException" };
}

/// <summary>The model's answer for one request (or one batch item).</summary>
public sealed record Admission(bool Admitted, IReadOnlyList<ThrottleCause> Causes)
{
    public static readonly Admission Granted = new(true, []);
}

/// <summary>
/// Why a request was refused: the DynamoDB throttling reason (e.g. TableWriteKeyRangeThroughputExceeded,
/// IndexWriteProvisionedThroughputExceeded), the mode and limit that decide the exception type, and the resource.
/// </summary>
public sealed record ThrottleCause(
    string Reason,
    ThrottleLimit Limit,
    CapacityBillingMode Mode,
    string Table,
    string? Index);

/// <summary>Which limit refused: decides the exception (§4.2 table of the capacity reference).</summary>
public enum ThrottleLimit
{
    /// <summary>Provisioned table or GSI bucket (with burst).</summary>
    Provisioned,

    /// <summary>A partition's or an item's 3,000 read / 1,000 write units per second, or the on-demand ceiling.</summary>
    KeyRange,

    /// <summary>The on-demand maximum the table owner configured.</summary>
    MaxOnDemand,

    /// <summary>The per-table account quota (40,000 units per second).</summary>
    AccountLimit,
}
