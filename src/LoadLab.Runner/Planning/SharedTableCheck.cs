using System.Globalization;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Planning;

/// <summary>
/// Scenarios run side by side, so several on one table share its capacity: warns when their peaks together exceed
/// it although each alone fits. An upper bound: the peaks need not coincide.
/// </summary>
public static class SharedTableCheck
{
    public static IReadOnlyList<string> Warnings(RunPlan plan, IReadOnlyList<ScenarioCapacity> scenarios)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(scenarios);
        var warnings = new List<string>();
        var byTable = scenarios
            .Select(s => (Capacity: s, Plan: plan.Scenarios.First(p => p.Name == s.Scenario)))
            .GroupBy(s => s.Plan.TableId, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (var group in byTable)
        {
            var table = plan.Table(group.Key);
            // Only when every scenario fits alone; otherwise its own warning has said it.
            if (group.Any(s => s.Capacity.Warnings.Count > 0)) continue;
            double reads = group.Sum(s => Peak(s.Plan) * s.Capacity.TableReadUnitsPerOperation);
            double writes = group.Sum(s => Peak(s.Plan) * s.Capacity.WriteUnitsPerOperation);
            string names = string.Join(", ", group.Select(s => $"'{s.Plan.Name}'"));
            var c = table.Capacity;
            Check(warnings, names, table.Name, "read", reads, c.Mode == CapacityMode.Provisioned ? c.ReadUnits : c.MaxReadUnits);
            Check(warnings, names, table.Name, "write", writes, c.Mode == CapacityMode.Provisioned ? c.WriteUnits : c.MaxWriteUnits);
        }

        return warnings;
    }

    private static double Peak(ScenarioPlan scenario) => scenario.Phases.Max(p => ScenarioCapacityEstimator.PeakRate(p) ?? 0);

    private static void Check(List<string> warnings, string names, string table, string kind, double units, long? limit)
    {
        if (limit is not { } l || units <= l) return;
        warnings.Add(string.Create(CultureInfo.InvariantCulture,
            $"Scenarios {names} share table {table}: at their peaks together up to {units:N1} {kind} units/s, more than its {l:N0}; throttling is likely if the peaks coincide."));
    }
}
