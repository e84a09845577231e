using System.Text.Json.Serialization;

namespace LoadLab.Capacity.Model.Metrics;

/// <summary>Everything the model measured for one table or global secondary index.</summary>
public sealed record CapacityResourceMetrics
{
    public required string Table { get; init; }

    /// <summary>The GSI name, or null for the table itself (LSIs charge the table).</summary>
    public string? Index { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<CapacityBillingMode>))]
    public CapacityBillingMode Mode { get; init; }

    /// <summary>True when the table (or index) was deleted or replaced; these are its final numbers.</summary>
    public bool Deleted { get; init; }

    public double ProvisionedReadUnits { get; init; }

    public double ProvisionedWriteUnits { get; init; }

    /// <summary>Current table-level limit: provisioned units, or the on-demand ceiling capped by any maximum.</summary>
    public double CapacityReadUnitsPerSecond { get; init; }

    public double CapacityWriteUnitsPerSecond { get; init; }

    public double BurstReadUnits { get; init; }

    public double BurstWriteUnits { get; init; }

    public int PartitionCount { get; init; }

    /// <summary>Stored bytes as recorded by the proxy (tables only).</summary>
    public long StoredBytes { get; init; }

    /// <summary>Stored bytes integrated over time, in byte-hours (storage cost basis).</summary>
    public double StoredByteHours { get; init; }

    public double ConsumedReadUnits { get; init; }

    public double ConsumedWriteUnits { get; init; }

    public long ThrottledRequests { get; init; }

    public long ReadThrottleEvents { get; init; }

    public long WriteThrottleEvents { get; init; }

    public IReadOnlyDictionary<string, long> ThrottleEventsByReason { get; init; } = new Dictionary<string, long>();

    public IReadOnlyList<CapacitySecond> Seconds { get; init; } = [];

    public IReadOnlyList<CapacityHour> Hours { get; init; } = [];

    public IReadOnlyList<PartitionSplitEvent> Splits { get; init; } = [];

    public IReadOnlyList<ScalingEvent> ScalingEvents { get; init; } = [];

    /// <summary>Split and scaling events beyond the kept maximum (counted, not kept).</summary>
    public long DroppedEvents { get; init; }

    public IReadOnlyList<ThrottledKey> TopThrottledKeys { get; init; } = [];

    /// <summary>The auto scaling policy on the read units, or null when they are fixed.</summary>
    public AutoScalingPolicy? ReadScaling { get; init; }

    public AutoScalingPolicy? WriteScaling { get; init; }
}
