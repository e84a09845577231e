using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Cost;
using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Data.Sizing;

namespace LoadLab.Cli.Safety;

/// <summary>
/// Prices a plan before it runs, with the on-demand prices of the capacity model's settings (reference
/// dynamodb-capacity.md §6): what <c>loadlab plan</c> shows and <c>--max-cost</c> checks.
/// </summary>
internal static class CostEstimator
{
    /// <summary>Items generated to measure a data set's average item size; item i depends on (seed, i) alone.</summary>
    private const int SampleItems = 32;

    public static CostEstimate Estimate(RunPlan plan, CapacitySettings? prices = null, bool includeSeeding = true)
    {
        ArgumentNullException.ThrowIfNull(plan);
        prices ??= new CapacitySettings();
        var sizes = plan.DataSets.ToDictionary(d => d.TableId, d => AverageItemBytes(d, plan.Table(d.TableId)));
        var lines = new List<CostLine>();
        var unbounded = new List<string>();
        if (includeSeeding)
        {
            foreach (var dataSet in plan.DataSets)
            {
                var table = plan.Table(dataSet.TableId);
                double write = dataSet.Items * UnitsPerOperation.SeedWrite(sizes[dataSet.TableId], table);
                lines.Add(new CostLine($"seed {table.Name}", dataSet.Items, 0, write, CapacityCost.OnDemand(0, write, prices)));
            }
        }

        foreach (var scenario in plan.Scenarios)
        {
            if (scenario.Phases.Any(p => !p.IsOpen))
                unbounded.Add($"scenario {scenario.Name} has closed-model phases (as fast as the target allows): no planned operation count");
            var table = plan.Table(scenario.TableId);
            double itemBytes = sizes.GetValueOrDefault(scenario.TableId, 1024);
            long tableItems = plan.DataSets.FirstOrDefault(d => d.TableId == scenario.TableId)?.Items ?? 0;
            long operations = new ArrivalSchedule(scenario.Phases).ArrivalCount;
            double totalWeight = scenario.Mix.Sum(m => m.Weight);
            double read = 0, write = 0;
            foreach (var operation in scenario.Mix)
            {
                var (r, w) = UnitsPerOperation.Of(operation, itemBytes, tableItems, table);
                double share = totalWeight > 0 ? operation.Weight / totalWeight : 0;
                read += operations * share * r;
                write += operations * share * w;
            }

            lines.Add(new CostLine($"scenario {scenario.Name}", operations, read, write, CapacityCost.OnDemand(read, write, prices)));
        }

        return new CostEstimate(lines, unbounded);
    }

    private static double AverageItemBytes(DataSetPlan dataSet, TablePlan table)
    {
        var model = DataModels.For(dataSet);
        long count = Math.Min(SampleItems, Math.Max(1, dataSet.Items));
        double total = 0;
        for (long i = 0; i < count; i++)
            total += ItemSize.Of(model.CreateItem(dataSet.Seed, i, table));
        return total / count;
    }
}
