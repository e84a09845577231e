using LoadLab.Core.Plans;
using LoadLab.Core.Results;

namespace LoadLab.Core.Cost;

/// <summary>
/// Prices a run's traffic (docs/capacity-model.md §19) in its own capacity mode and in the other,
/// per million operations and per hour at the measured rate.
/// <para>
/// Units are the operations' consumed units: what DynamoDB returned as ConsumedCapacity, which the
/// capacity simulator fills in on local runs. They leave out seeding and warm-up, so the figures
/// describe the workload, and throttled requests cost nothing, as in DynamoDB. Storage is left out:
/// it depends on the data kept, not on the traffic compared.
/// </para>
/// </summary>
public static class RunCostCalculator
{
    private const double Million = 1_000_000;
    private const double SecondsPerHour = 3600;

    public static RunCost Estimate(RunResult result, IReadOnlyList<TableCapacity> tables, CostPrices prices)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(prices);
        string source = result.Simulator is null ? "consumedCapacity" : "simulator";
        var costs = new List<TableCost>();
        foreach (var group in result.Scenarios.GroupBy(s => s.Table, StringComparer.Ordinal))
        {
            var capacity = tables.FirstOrDefault(t => t.Name == group.Key) ?? FromSimulator(result.Simulator, group.Key);
            costs.Add(Estimate(group.Key, [.. group], capacity, source, prices));
        }

        return new RunCost { Prices = prices, Tables = costs };
    }

    /// <summary>On-demand dollars of consumed units.</summary>
    public static double OnDemand(double readUnits, double writeUnits, CostPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return (readUnits / Million * prices.OnDemandReadPerMillion) + (writeUnits / Million * prices.OnDemandWritePerMillion);
    }

    /// <summary>Provisioned dollars per hour of holding these units.</summary>
    public static double ProvisionedPerHour(double readUnits, double writeUnits, CostPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return (readUnits * prices.ProvisionedReadPerUnitHour) + (writeUnits * prices.ProvisionedWritePerUnitHour);
    }

    /// <summary>Units a provisioned table would be given for this peak rate: peak ÷ target utilisation, at least 1.</summary>
    public static double WhatIfUnits(double peakUnitsPerSecond, CostPrices prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return Math.Max(1, Math.Ceiling(peakUnitsPerSecond / prices.TargetUtilization));
    }

    private static TableCost Estimate(string table, IReadOnlyList<ScenarioResult> scenarios, TableCapacity capacity, string source, CostPrices prices)
    {
        // Throttled operations consume and cost nothing: per million counts the operations served.
        long operations = scenarios.Sum(s => s.Operations.Sum(o => o.Completed - o.Count("throttled")));
        double read = scenarios.Sum(s => s.Operations.Sum(o => o.ReadUnits));
        double write = scenarios.Sum(s => s.Operations.Sum(o => o.WriteUnits));
        double seconds = scenarios.Max(MeasuredSeconds);
        var (peakRead, peakWrite) = PeakRates(scenarios, operations, read, write, seconds);

        var onDemand = OnDemand(read, write, prices);
        var onDemandCost = Figures(TableCapacity.OnDemand, onDemand, onDemand * SecondsPerHour / seconds, operations,
            "consumed units at on-demand prices");
        ModeCost provisioned;
        if (capacity.Mode == TableCapacity.Provisioned)
        {
            var perHour = ProvisionedPerHour(capacity.ReadUnits, capacity.WriteUnits, prices);
            provisioned = Figures(TableCapacity.Provisioned, perHour * seconds / SecondsPerHour, perHour, operations,
                Formatting.Invariant($"{capacity.ReadUnits:0.##} RCU + {capacity.WriteUnits:0.##} WCU provisioned for the run's time"));
        }
        else
        {
            double rcu = WhatIfUnits(peakRead, prices), wcu = WhatIfUnits(peakWrite, prices);
            var perHour = ProvisionedPerHour(rcu, wcu, prices);
            provisioned = Figures(TableCapacity.Provisioned, perHour * seconds / SecondsPerHour, perHour, operations,
                Formatting.Invariant($"{rcu:0} RCU + {wcu:0} WCU: peak rate ÷ {prices.TargetUtilization:0.##} target utilisation"));
        }

        bool isProvisioned = capacity.Mode == TableCapacity.Provisioned;
        return new TableCost(
            table, capacity.Mode, source, Math.Round(seconds, 3), operations, read, write,
            capacity.ReadUnits, capacity.WriteUnits, peakRead, peakWrite,
            isProvisioned ? provisioned : onDemandCost,
            isProvisioned ? onDemandCost : provisioned);
    }

    private static ModeCost Figures(string mode, double usd, double perHour, long operations, string basis) =>
        new(mode, usd, operations > 0 ? usd / operations * Million : null, perHour, basis);

    // The measured window: the time the rates of every report are taken over (Throughput).
    private static double MeasuredSeconds(ScenarioResult scenario) => Math.Max(Throughput.MeasuredSeconds(scenario), 1e-3);

    /// <summary>
    /// The busiest interval's completed operations at the run's average units per operation: the
    /// per-interval series has no units, and seeding (which the simulator's per-second data includes)
    /// must not set the peak.
    /// </summary>
    private static (double Read, double Write) PeakRates(IReadOnlyList<ScenarioResult> scenarios, long operations, double read, double write, double seconds)
    {
        // Seconds of the measured window only: a warm-up second holds no measured completions, and the drain's last
        // sliver (a few operations in milliseconds) would read as a huge rate.
        double peakOps = scenarios
            .SelectMany(s => s.Series.Where(i => i.Length > 0 && i.Start >= s.Warmup.Seconds - 1e-6 && i.Start + (i.Length / 2) <= s.DurationSeconds))
            .GroupBy(i => i.Start)
            .Select(g => g.Sum(i => i.Completed / i.Length))
            .DefaultIfEmpty(operations / seconds)
            .Max();
        if (operations == 0)
            return (0, 0);
        return (peakOps * read / operations, peakOps * write / operations);
    }

    private static TableCapacity FromSimulator(SimulatorSection? simulator, string table)
    {
        var resources = simulator?.Resources.Where(r => r.Table == table).ToList() ?? [];
        var own = resources.FirstOrDefault(r => r.Index is null);
        if (own is null)
            return new TableCapacity(table, TableCapacity.OnDemand, 0, 0);
        return own.Mode == TableCapacity.Provisioned
            ? new TableCapacity(table, TableCapacity.Provisioned, resources.Sum(r => r.ProvisionedReadUnits), resources.Sum(r => r.ProvisionedWriteUnits))
            : new TableCapacity(table, TableCapacity.OnDemand, 0, 0);
    }
}
