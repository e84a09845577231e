namespace LoadLab.Capacity.Model.Partitions;

/// <summary>The partition-count formulas of docs/capacity-model.md §12, as pure functions of the settings.</summary>
internal static class PartitionCounts
{
    /// <summary>Provisioned P0 (2017 formula): max(1, ⌈R/3000 + W/1000⌉, ⌈bytes/10 GiB⌉, Pwarm).</summary>
    public static int Provisioned(CapacitySettings s, double readUnits, double writeUnits, long bytes, double? warmRead, double? warmWrite) =>
        Max(1, Ceiling((readUnits / s.PartitionMaxReadUnitsPerSecond) + (writeUnits / s.PartitionMaxWriteUnitsPerSecond)), ForBytes(s, bytes), Warm(s, warmRead, warmWrite));

    /// <summary>
    /// Partitions an on-demand resource needs for its ceilings: ⌈max(R/3000, W/1000)⌉. With the
    /// new-table ceilings (12,000 / 4,000) this is 4 (docs/capacity-model.md §12), derived from the parameters
    /// instead of hard-coded.
    /// </summary>
    public static int OnDemand(CapacitySettings s, double readCeiling, double writeCeiling, long bytes, double? warmRead, double? warmWrite) =>
        Max(1, Ceiling(Math.Max(readCeiling / s.PartitionMaxReadUnitsPerSecond, writeCeiling / s.PartitionMaxWriteUnitsPerSecond)), ForBytes(s, bytes), Warm(s, warmRead, warmWrite));

    public static int ForBytes(CapacitySettings s, long bytes) => bytes <= 0 ? 1 : Ceiling(bytes / (double)s.PartitionMaxBytes);

    public static int Warm(CapacitySettings s, double? warmRead, double? warmWrite) =>
        Ceiling(Math.Max((warmRead ?? 0) / s.PartitionMaxReadUnitsPerSecond, (warmWrite ?? 0) / s.PartitionMaxWriteUnitsPerSecond));

    private static int Ceiling(double value) => value <= 0 ? 0 : (int)Math.Min(int.MaxValue, UnitMath.Ceiling(value));

    private static int Max(int a, int b, int c, int d) => Math.Max(Math.Max(a, b), Math.Max(c, d));
}
