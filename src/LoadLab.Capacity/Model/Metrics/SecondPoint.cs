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

    /// <summary>Counts add up; the burst level keeps its low point; partitions and capacity keep their high point.</summary>
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
        return merged;
    }
}
