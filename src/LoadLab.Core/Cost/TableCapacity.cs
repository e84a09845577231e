using LoadLab.Core.Plans;

namespace LoadLab.Core.Cost;

/// <summary>A table's billing mode and provisioned units (its GSIs' included), as the cost estimate needs them.</summary>
/// <param name="Mode">provisioned or on-demand.</param>
public sealed record TableCapacity(string Name, string Mode, double ReadUnits, double WriteUnits)
{
    public const string Provisioned = "provisioned";
    public const string OnDemand = "on-demand";

    public static TableCapacity From(TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Capacity.Mode == CapacityMode.OnDemand)
            return new TableCapacity(table.Name, OnDemand, 0, 0);
        // A GSI without its own capacity is provisioned like its table.
        var indexes = table.Indexes.Where(i => i.Kind == IndexKind.Global).Select(i => i.Capacity ?? table.Capacity).ToList();
        return new TableCapacity(
            table.Name,
            Provisioned,
            table.Capacity.ReadUnits + indexes.Sum(c => c.ReadUnits),
            table.Capacity.WriteUnits + indexes.Sum(c => c.WriteUnits));
    }
}
