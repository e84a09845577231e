using LoadLab.Core.Errors;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.Runner.Planning;

/// <summary>
/// Everything <c>loadlab plan</c> estimates beyond the plan itself: data to seed, capacity per scenario, and the
/// operations the local target cannot run. Computed from generated items only; no request is made.
/// </summary>
public sealed record PlanEstimates(
    IReadOnlyDictionary<string, DataSetEstimate> DataSets,
    IReadOnlyList<ScenarioCapacity> Scenarios,
    IReadOnlyList<string> TargetWarnings)
{
    /// <summary>Scenarios sharing a table whose peaks together exceed its capacity.</summary>
    public IReadOnlyList<string> SharedTableWarnings { get; init; } = [];

    /// <summary>How long seeding each data set takes, paced below the suite's capacity of its table and indexes, by table id.</summary>
    public IReadOnlyDictionary<string, SeedingEstimate> Seeding { get; init; } = new Dictionary<string, SeedingEstimate>();

    /// <param name="plan">The resolved plan.</param>
    /// <param name="samples">Items generated per data set to measure sizes.</param>
    public static PlanEstimates For(RunPlan plan, int samples = DataSetEstimator.Samples)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var data = plan.DataSets.ToDictionary(d => d.TableId, d => Estimate(plan, d, samples), StringComparer.Ordinal);
        var scenarios = plan.Scenarios
            .Where(s => data.ContainsKey(s.TableId))
            .Select(s => ScenarioCapacityEstimator.Estimate(s, plan.Table(s.TableId), data[s.TableId]))
            .ToList();
        // A local run uses the embedded target (dynalite behind the simulator) unless --endpoint points elsewhere.
        var target = plan.Environment == EnvironmentNames.Local
            ? plan.Scenarios.SelectMany(s => TargetSupport.Warnings(s, TargetCapabilities.LocalTarget)).ToList()
            : [];
        var seeding = plan.DataSets.ToDictionary(
            d => d.TableId,
            d => SeedingEstimate.Of(d.Items, data[d.TableId], DynamoDb.Seeding.SeedPace.Planned(plan.Table(d.TableId))),
            StringComparer.Ordinal);
        return new PlanEstimates(data, scenarios, target) { SharedTableWarnings = SharedTableCheck.Warnings(plan, scenarios), Seeding = seeding };
    }

    private static DataSetEstimate Estimate(RunPlan plan, DataSetPlan dataSet, int samples)
    {
        try
        {
            return DataSetEstimator.Estimate(dataSet, plan.Table(dataSet.TableId), samples);
        }
        catch (ArgumentException e)
        {
            // A key template that does not fit its table: the same message a run would give, without a stack trace.
            throw new InvalidInputException($"Data set of table '{dataSet.TableId}': {e.Message}");
        }
    }
}
