using System.Runtime.CompilerServices;

namespace LoadLab.Capacity.Model.Metrics;

/// <summary>Throttle events per (limit, dimension): 4 × 2 counters inline, so a per-second point allocates nothing.</summary>
[InlineArray(Length)]
internal struct ReasonCounts
{
    public const int Length = 8;

    private long first;

    public static int Slot(ThrottleLimit limit, CapacityDimension dimension) => ((int)limit * 2) + (int)dimension;

    public static ThrottleLimit LimitOf(int slot) => (ThrottleLimit)(slot / 2);

    public static CapacityDimension DimensionOf(int slot) => (CapacityDimension)(slot % 2);
}
