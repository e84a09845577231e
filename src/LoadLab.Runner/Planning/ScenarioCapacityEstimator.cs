using System.Globalization;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Planning;

/// <summary>
/// Turns a scenario's mix and phases into the capacity it should consume per second, and warns when a phase's peak
/// exceeds what the table (or a global index) is given: provisioned units, or an on-demand maximum. Burst capacity
/// (up to 300 s of unused units) can absorb a short excess; the warning ignores it.
/// </summary>
public static class ScenarioCapacityEstimator
{
    public static ScenarioCapacity Estimate(ScenarioPlan scenario, TablePlan table, DataSetEstimate data)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(data);
        double totalWeight = scenario.Mix.Sum(m => m.Weight);
        var reads = new Dictionary<string, double>(StringComparer.Ordinal) { [ScenarioCapacity.Table] = 0 };
        double writes = 0;
        foreach (var operation in scenario.Mix)
        {
            var cost = OperationCosts.Of(operation, data, table);
            double share = operation.Weight / totalWeight;
            string target = cost.Index ?? ScenarioCapacity.Table;
            reads[target] = reads.GetValueOrDefault(target) + share * cost.ReadUnits;
            writes += share * cost.WriteUnits;
        }

        var phases = scenario.Phases.Select(p => PeakRate(p) is { } rate
            ? new PhaseCapacity(p, rate, rate * reads.Values.Sum(), rate * writes)
            : new PhaseCapacity(p, null, 0, 0)).ToList();
        double peak = phases.Max(p => p.PeakRate ?? 0);
        var warnings = new List<string>();
        if (peak > 0)
        {
            Check(warnings, scenario.Name, "read", $"table {table.Name}", peak * reads[ScenarioCapacity.Table], ReadLimit(table.Capacity));
            Check(warnings, scenario.Name, "write", $"table {table.Name}", peak * writes, WriteLimit(table.Capacity));
            foreach (var (index, units) in reads.Where(r => r.Key != ScenarioCapacity.Table))
            {
                var capacity = table.Indexes.FirstOrDefault(i => i.Name == index)?.Capacity ?? table.Capacity;
                Check(warnings, scenario.Name, "read", $"index {index}", peak * units, ReadLimit(capacity));
            }
        }

        return new ScenarioCapacity(scenario.Name, reads, writes, phases, warnings);
    }

    /// <summary>The highest rate an open phase reaches: its rate, the larger end of a ramp, a profile's peak; 0 for a pause.</summary>
    public static double? PeakRate(LoadPhase phase) => phase switch
    {
        RatePhase r => r.Rate,
        RampPhase r => Math.Max(r.From, r.To),
        ProfilePhase p => p.Peak,
        PausePhase => 0,
        _ => null,
    };

    private static (double Units, string What)? ReadLimit(CapacityPlan capacity) => capacity.Mode == CapacityMode.Provisioned
        ? (capacity.ReadUnits, "provisioned RCU")
        : capacity.MaxReadUnits is { } max ? (max, "on-demand maxRead") : null;

    private static (double Units, string What)? WriteLimit(CapacityPlan capacity) => capacity.Mode == CapacityMode.Provisioned
        ? (capacity.WriteUnits, "provisioned WCU")
        : capacity.MaxWriteUnits is { } max ? (max, "on-demand maxWrite") : null;

    private static void Check(List<string> warnings, string scenario, string kind, string target, double peak, (double Units, string What)? limit)
    {
        if (limit is not { } l || peak <= l.Units) return;
        warnings.Add(string.Create(CultureInfo.InvariantCulture,
            $"Scenario '{scenario}' should consume up to {peak:N1} {kind} units/s on {target}, more than its {l.Units:N0} {l.What}: expect throttling once burst capacity is spent."));
    }
}
