namespace LoadLab.Core.Results;

/// <summary>
/// What the run's traffic costs per table, in the table's own capacity mode and in the other mode,
/// from consumed units: the simulator's when it was in the path, DynamoDB's ConsumedCapacity otherwise.
/// </summary>
public sealed record RunCost
{
    /// <summary>The prices used, so a reader can redo the arithmetic.</summary>
    public required Cost.CostPrices Prices { get; init; }

    public required IReadOnlyList<TableCost> Tables { get; init; }

    /// <summary>Dollars of the whole run in the tables' own modes.</summary>
    public double OwnModeUsd => Tables.Sum(t => t.OwnMode.Usd);

    /// <summary>Dollars per hour at the measured rate, own modes.</summary>
    public double OwnModeUsdPerHour => Tables.Sum(t => t.OwnMode.UsdPerHour);
}

/// <param name="Table">Physical table name (its GSIs included).</param>
/// <param name="Mode">provisioned or on-demand.</param>
/// <param name="Source"><c>simulator</c> (units the capacity simulator charged) or <c>consumedCapacity</c> (units DynamoDB returned).</param>
/// <param name="Seconds">Measured seconds the rates are taken over.</param>
/// <param name="Operations">Operations served on the table: completed and not throttled (throttled ones cost nothing).</param>
/// <param name="ProvisionedReadUnits">Provisioned RCU (table and GSIs) in provisioned mode, else 0.</param>
/// <param name="PeakReadUnitsPerSecond">Highest per-second consumed read rate (the average when no per-second data exists).</param>
public sealed record TableCost(
    string Table,
    string Mode,
    string Source,
    double Seconds,
    long Operations,
    double ReadUnits,
    double WriteUnits,
    double ProvisionedReadUnits,
    double ProvisionedWriteUnits,
    double PeakReadUnitsPerSecond,
    double PeakWriteUnitsPerSecond,
    ModeCost OwnMode,
    ModeCost OtherMode);

/// <summary>One mode's price of the traffic.</summary>
/// <param name="Usd">Dollars for the measured run.</param>
/// <param name="UsdPerMillionOperations">Dollars per million operations served; null without operations.</param>
/// <param name="UsdPerHour">Dollars per hour at the measured rate.</param>
/// <param name="Basis">How the figure was made, e.g. "45 RCU + 120 WCU provisioned" or "consumed units at on-demand prices".</param>
public sealed record ModeCost(string Mode, double Usd, double? UsdPerMillionOperations, double UsdPerHour, string Basis);
