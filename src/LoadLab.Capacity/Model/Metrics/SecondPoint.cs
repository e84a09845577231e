namespace LoadLab.Capacity.Model.Metrics;

/// <summary>One closed interval of per-second metrics (usually 1 s; longer after merging or an idle gap).</summary>
internal struct SecondPoint
{
    public long Start;
    public int Duration;
    public double ReadUnits;
    public double WriteUnits;
    public long ThrottledRequests;
    public long ReadThrottleEvents;
    public long WriteThrottleEvents;
    public ReasonCounts Reasons;
    public double BurstReadUnits;
    public double BurstWriteUnits;
    public int Partitions;
    public double CapacityReadUnitsPerSecond;
    public double CapacityWriteUnitsPerSecond;

    /// <summary>Units the busiest partition consumed (per-partition limits are per second, so a hot key shows here, not in the table total).</summary>
    public double HotPartitionRead;
    public double HotPartitionWrite;

    /// <summary>Each partition's use of the per-partition limit (the higher of read and write), in key order; null in idle intervals.</summary>
    public float[]? PartitionShares;

    /// <summary>The partition keys throttled most in this interval; null when nothing was throttled.</summary>
    public ThrottledKey[]? Keys;

    /// <summary>Counts add up; the burst level keeps its low point; partitions, capacity and heat keep their high point.</summary>
    public static SecondPoint Merge(in SecondPoint a, in SecondPoint b)
    {
        var merged = a;
        merged.Duration = a.Duration + b.Duration;
        merged.ReadUnits += b.ReadUnits;
        merged.WriteUnits += b.WriteUnits;
        merged.ThrottledRequests += b.ThrottledRequests;
        merged.ReadThrottleEvents += b.ReadThrottleEvents;
        merged.WriteThrottleEvents += b.WriteThrottleEvents;
        for (var i = 0; i < ReasonCounts.Length; i++)
            merged.Reasons[i] += b.Reasons[i];
        merged.BurstReadUnits = Math.Min(a.BurstReadUnits, b.BurstReadUnits);
        merged.BurstWriteUnits = Math.Min(a.BurstWriteUnits, b.BurstWriteUnits);
        merged.Partitions = Math.Max(a.Partitions, b.Partitions);
        merged.CapacityReadUnitsPerSecond = Math.Max(a.CapacityReadUnitsPerSecond, b.CapacityReadUnitsPerSecond);
        merged.CapacityWriteUnitsPerSecond = Math.Max(a.CapacityWriteUnitsPerSecond, b.CapacityWriteUnitsPerSecond);
        // Heat keeps its worst second: an averaged hot spot would hide the throttling it caused.
        merged.HotPartitionRead = Math.Max(a.HotPartitionRead, b.HotPartitionRead);
        merged.HotPartitionWrite = Math.Max(a.HotPartitionWrite, b.HotPartitionWrite);
        merged.PartitionShares = MaxShares(a.PartitionShares, b.PartitionShares);
        merged.Keys = IntervalKeys.Merge(a.Keys, b.Keys);
        return merged;
    }

    private static float[]? MaxShares(float[]? a, float[]? b)
    {
        if (a is null || b is null)
            return a ?? b;
        var longer = a.Length >= b.Length ? a : b;
        var shorter = ReferenceEquals(longer, a) ? b : a;
        var merged = (float[])longer.Clone();
        for (var i = 0; i < shorter.Length; i++)
            merged[i] = Math.Max(merged[i], shorter[i]);
        return merged;
    }
}
