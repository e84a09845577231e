using System.Text.Json.Serialization;

namespace LoadLab.Capacity.Model.Metrics;

/// <summary>Why partitions were added.</summary>
public static class SplitCauses
{
    /// <summary>Split for heat: a partition ran hot for the configured time without a dominant key.</summary>
    public const string Heat = "heat";

    /// <summary>A partition outgrew the partition size.</summary>
    public const string Size = "size";

    /// <summary>Provisioned or warm throughput rose beyond what the partitions support (doubling).</summary>
    public const string Throughput = "throughput";

    /// <summary>The on-demand ceiling rose beyond what the partitions support (doubling).</summary>
    public const string OnDemandCeiling = "on-demand-ceiling";
}

/// <summary>Kinds of capacity changes in <see cref="ScalingEvent"/>.</summary>
public static class ScalingKinds
{
    public const string AutoScalingScheduled = "auto-scaling-scheduled";

    public const string AutoScalingApplied = "auto-scaling-applied";

    public const string UpdateTable = "update-table";

    public const string ModeSwitch = "mode-switch";

    public const string OnDemandCeiling = "on-demand-ceiling";
}

/// <summary>Partitions were added ("hot partition adapted at t = …").</summary>
public sealed record PartitionSplitEvent(DateTimeOffset At, double OffsetSeconds, string Cause, int PartitionsBefore, int PartitionsAfter);

/// <summary>A capacity change of a table or index; <see cref="Dimension"/> is null for a mode switch.</summary>
public sealed record ScalingEvent(
    DateTimeOffset At,
    double OffsetSeconds,
    string Kind,
    [property: JsonConverter(typeof(JsonStringEnumConverter<CapacityDimension>))] CapacityDimension? Dimension,
    double FromUnits,
    double ToUnits);

/// <summary>
/// A most-throttled key, named by a short stable hash of its primary key: key text may be personal
/// data, and the hash still lets a reader match the same key across runs and reports.
/// </summary>
public sealed record ThrottledKey(string KeyHash, long ThrottleEvents);
