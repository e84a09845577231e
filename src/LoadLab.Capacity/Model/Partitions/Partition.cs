using LoadLab.Capacity.Model.Buckets;
using LoadLab.Capacity.Model.Sketches;

namespace LoadLab.Capacity.Model.Partitions;

/// <summary>
/// One key range of a table or index: its read and write buckets, this second's consumption (for
/// split for heat), and — only while it is hot — the key-load summary that picks the split point.
/// </summary>
internal sealed class Partition(UInt128 low, TokenBucket read, TokenBucket write)
{
    /// <summary>First key of the range (inclusive); the range ends where the next partition starts.</summary>
    public UInt128 Low { get; } = low;

    public TokenBucket Read { get; } = read;

    public TokenBucket Write { get; } = write;

    public double SecondReadUnits { get; set; }

    public double SecondWriteUnits { get; set; }

    /// <summary>Model second the current hot streak began, or NaN when not hot.</summary>
    public double HotSince { get; set; } = double.NaN;

    public bool IsHot => !double.IsNaN(HotSince);

    /// <summary>Load by key during the hot streak; null until the partition first turns hot.</summary>
    public SpaceSavingSummary? Heat { get; set; }

    public TokenBucket Bucket(CapacityDimension dimension) => dimension == CapacityDimension.Read ? Read : Write;

    public double SecondUnits(CapacityDimension dimension) => dimension == CapacityDimension.Read ? SecondReadUnits : SecondWriteUnits;

    public void AddSecondUnits(CapacityDimension dimension, double units)
    {
        if (dimension == CapacityDimension.Read)
            SecondReadUnits += units;
        else
            SecondWriteUnits += units;
    }
}
