using LoadLab.Core.Cost;
using LoadLab.Runner.Planning;
using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;

namespace LoadLab.Runner.Safety;

/// <summary>
/// Prices a plan before it runs: expected operations × units per operation (<see cref="OperationCosts"/>, from the
/// sampled average item) × the run's on-demand prices (its resolved price table, docs/capacity-model.md).
/// What <c>loadlab plan</c> shows and <c>--max-cost</c> checks. Writes count once more per global index (each may
/// project the item): a ceiling should not undercount.
/// </summary>
internal static class CostEstimator
{
    public static CostEstimate Estimate(RunPlan plan, CostPrices prices)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(prices);
        var data = plan.DataSets.ToDictionary(d => d.TableId, d => DataSetEstimator.Estimate(d, plan.Table(d.TableId)));
        var lines = new List<CostLine>();
        var unbounded = new List<string>();
        // On prod nothing is seeded (--allow-prod reads only), so seeding costs nothing there.
        if (!ProdGuard.IsProd(plan))
        {
            foreach (var dataSet in plan.DataSets)
            {
                var table = plan.Table(dataSet.TableId);
                double write = dataSet.Items * data[dataSet.TableId].AverageWriteUnits * IndexWrites(table);
                lines.Add(new CostLine($"seed {table.Name}", dataSet.Items, 0, write, RunCostCalculator.OnDemand(0, write, prices)));
            }
        }

        foreach (var scenario in plan.Scenarios)
        {
            if (scenario.Phases.Any(p => !p.IsOpen))
                unbounded.Add($"scenario {scenario.Name} has closed-model phases (as fast as the target allows): no planned operation count");
            if (!data.TryGetValue(scenario.TableId, out var estimate))
                continue; // the loader refuses a scenario without a data set
            var table = plan.Table(scenario.TableId);
            long operations = new ArrivalSchedule(scenario.Phases).ArrivalCount;
            double totalWeight = scenario.Mix.Sum(m => m.Weight);
            double read = 0, write = 0;
            foreach (var operation in scenario.Mix)
            {
                var units = OperationCosts.Of(operation, estimate, table);
                double share = totalWeight > 0 ? operation.Weight / totalWeight : 0;
                read += operations * share * units.ReadUnits;
                write += operations * share * units.WriteUnits * IndexWrites(table);
            }

            lines.Add(new CostLine($"scenario {scenario.Name}", operations, read, write, RunCostCalculator.OnDemand(read, write, prices)));
        }

        return new CostEstimate(lines, unbounded);
    }

    private static int IndexWrites(TablePlan table) => 1 + table.Indexes.Count(i => i.Kind == IndexKind.Global);
}
