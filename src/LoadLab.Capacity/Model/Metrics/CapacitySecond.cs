using System.Text.Json.Serialization;

namespace LoadLab.Capacity.Model.Metrics;

/// <summary>
/// Metrics of one table or index over one interval: normally one second, longer when the series
/// was merged to stay bounded or the resource was idle (divide counts by <see cref="DurationSeconds"/> for rates).
/// </summary>
public sealed record CapacitySecond
{
    /// <summary>Start of the interval, in seconds since the model started.</summary>
    public required double OffsetSeconds { get; init; }

    public required int DurationSeconds { get; init; }

    public double ConsumedReadUnits { get; init; }

    public double ConsumedWriteUnits { get; init; }

    /// <summary>Refused requests (one per refused admission, however many limits it hit).</summary>
    public long ThrottledRequests { get; init; }

    public long ReadThrottleEvents { get; init; }

    public long WriteThrottleEvents { get; init; }

    /// <summary>Throttle events by DynamoDB reason; null (and left out of JSON) when there were none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, long>? ThrottleEventsByReason { get; init; }

    /// <summary>Tokens in the table-level bucket at the end (lowest when merged): the burst left, or the on-demand ceiling's.</summary>
    public double BurstReadUnits { get; init; }

    public double BurstWriteUnits { get; init; }

    public int PartitionCount { get; init; }

    /// <summary>Provisioned units, or the on-demand ceiling (capped by any maximum), per second.</summary>
    public double CapacityReadUnitsPerSecond { get; init; }

    public double CapacityWriteUnitsPerSecond { get; init; }

    /// <summary>Units the busiest partition consumed in the interval (its worst second when merged).</summary>
    public double HotPartitionReadUnits { get; init; }

    public double HotPartitionWriteUnits { get; init; }

    /// <summary>Each partition's use of the per-partition limit (higher of read and write; 1 = at the limit), in key order; null when idle.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<float>? PartitionShares { get; init; }

    /// <summary>Partition keys throttled most in this interval (hashed); null when nothing was throttled.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ThrottledKey>? TopThrottledKeys { get; init; }
}
