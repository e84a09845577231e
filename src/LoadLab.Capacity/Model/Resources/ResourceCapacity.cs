namespace LoadLab.Capacity.Model.Resources;

/// <summary>The capacity settings of one table or GSI, in one shape for both (GSIs take the table's mode).</summary>
internal sealed record ResourceCapacity(
    CapacityBillingMode Mode,
    double ReadUnits,
    double WriteUnits,
    double? MaxReadRequestUnits,
    double? MaxWriteRequestUnits,
    double? WarmReadUnitsPerSecond,
    double? WarmWriteUnitsPerSecond,
    AutoScalingPolicy? ReadScaling,
    AutoScalingPolicy? WriteScaling)
{
    public static ResourceCapacity Of(TableCapacityDefinition table) => new(
        table.Mode,
        table.ReadUnits,
        table.WriteUnits,
        Positive(table.MaxReadRequestUnits),
        Positive(table.MaxWriteRequestUnits),
        table.WarmReadUnitsPerSecond,
        table.WarmWriteUnitsPerSecond,
        table.ReadScaling,
        table.WriteScaling);

    public static ResourceCapacity Of(IndexCapacityDefinition index, CapacityBillingMode mode) => new(
        mode,
        index.ReadUnits,
        index.WriteUnits,
        Positive(index.MaxReadRequestUnits),
        Positive(index.MaxWriteRequestUnits),
        null,
        null,
        index.ReadScaling,
        index.WriteScaling);

    public double Units(CapacityDimension dimension) => dimension == CapacityDimension.Read ? ReadUnits : WriteUnits;

    // -1 removes the cap in the API (on-demand-capacity-mode-max-throughput.html); treat any non-positive value as none.
    private static double? Positive(double? value) => value is > 0 ? value : null;
}
