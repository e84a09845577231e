using LoadLab.Core.Cost;
using LoadLab.Capacity.Model.Metrics;

namespace LoadLab.Capacity.Model.Cost;

/// <summary>
/// Cost formulas of docs/capacity-model.md §19 as pure functions over the model's metrics; prices come from the
/// settings. Throttled requests consume nothing and cost nothing; failed conditional writes are
/// charged because the proxy settles them. Transaction and EC factors are already in the units.
/// </summary>
public static class CapacityCost
{
    private const double BytesPerGb = 1e9;

    public static double OnDemand(double readUnits, double writeUnits, CapacitySettings prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return RunCostCalculator.OnDemand(readUnits, writeUnits, prices.Prices);
    }

    /// <summary>Σ over clock hours spent provisioned of max RCU × RCU-hour price + max WCU × WCU-hour price.</summary>
    public static double ProvisionedPerClockHour(IEnumerable<CapacityHour> hours, CapacitySettings prices)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(prices);
        double dollars = 0;
        foreach (var hour in hours)
        {
            if (hour.ProvisionedSeconds > 0)
                dollars += Provisioned(hour.MaxProvisionedReadUnits, hour.MaxProvisionedWriteUnits, prices);
        }

        return dollars;
    }

    /// <summary>Provisioned unit-hours actually held × price.</summary>
    public static double ProvisionedIntegrated(IEnumerable<CapacityHour> hours, CapacitySettings prices)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(prices);
        double dollars = 0;
        foreach (var hour in hours)
            dollars += Provisioned(hour.ProvisionedReadUnitHours, hour.ProvisionedWriteUnitHours, prices);
        return dollars;
    }

    /// <summary>Storage: byte-hours / 1e9 × GB-month price / hours per month (the 100 B item overhead is in the recorded bytes).</summary>
    public static double Storage(double byteHours, CapacitySettings prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return byteHours / BytesPerGb * prices.StorageDollarsPerGbMonth / prices.HoursPerMonth;
    }

    public static ResourceCost Estimate(CapacityResourceMetrics resource, CapacitySettings prices)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(prices);
        double onDemandRead = 0, onDemandWrite = 0, whatIfProvisioned = 0;
        foreach (var hour in resource.Hours)
        {
            // Units of an hour that mixed modes are split by the time spent in each.
            var seconds = hour.ProvisionedSeconds + hour.OnDemandSeconds;
            var onDemandShare = seconds > 0 ? hour.OnDemandSeconds / seconds : 0;
            onDemandRead += hour.ConsumedReadUnits * onDemandShare;
            onDemandWrite += hour.ConsumedWriteUnits * onDemandShare;
            if (seconds > 0)
            {
                whatIfProvisioned += Provisioned(
                    WhatIfUnits(hour.PeakMinuteReadUnitsPerSecond, prices),
                    WhatIfUnits(hour.PeakMinuteWriteUnitsPerSecond, prices),
                    prices);
            }
        }

        var onDemand = OnDemand(onDemandRead, onDemandWrite, prices);
        var provisioned = ProvisionedPerClockHour(resource.Hours, prices);
        var storage = Storage(resource.StoredByteHours, prices);
        var whatIfOnDemand = OnDemand(resource.ConsumedReadUnits, resource.ConsumedWriteUnits, prices);
        return new ResourceCost
        {
            Table = resource.Table,
            Index = resource.Index,
            Mode = resource.Mode,
            OnDemandDollars = onDemand,
            ProvisionedDollars = provisioned,
            ProvisionedIntegratedDollars = ProvisionedIntegrated(resource.Hours, prices),
            StorageDollars = storage,
            TotalDollars = onDemand + provisioned + storage,
            WhatIfOnDemandDollars = whatIfOnDemand,
            WhatIfProvisionedDollars = whatIfProvisioned,
            WhatIfOtherModeDollars = (resource.Mode == CapacityBillingMode.Provisioned ? whatIfOnDemand : whatIfProvisioned) + storage,
        };
    }

    public static CostEstimate Estimate(CapacityMetricsSnapshot snapshot, CapacitySettings prices)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var costs = new List<ResourceCost>(snapshot.Resources.Count);
        double total = 0, whatIf = 0;
        foreach (var resource in snapshot.Resources)
        {
            var cost = Estimate(resource, prices);
            costs.Add(cost);
            total += cost.TotalDollars;
            whatIf += cost.WhatIfOtherModeDollars;
        }

        return new CostEstimate(costs, total, whatIf);
    }

    private static double Provisioned(double readUnits, double writeUnits, CapacitySettings prices) =>
        RunCostCalculator.ProvisionedPerHour(readUnits, writeUnits, prices.Prices);

    private static double WhatIfUnits(double peakUnitsPerSecond, CapacitySettings prices) =>
        Math.Max(1, UnitMath.Ceiling(peakUnitsPerSecond / prices.WhatIfTargetUtilization));
}
