using LoadLab.Core.Execution;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;

namespace LoadLab.UnitTests.Runner.Simulation;

/// <summary>Plans for the simulated executor's tests: a customer table (optionally with a GSI by tier) and one-operation scenarios.</summary>
internal static class SimulationKit
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TablePlan Table(CapacityPlan? capacity = null, bool byTier = false, IndexKind kind = IndexKind.Global) => new()
    {
        Id = "customers",
        Name = "Customers",
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "S"),
        Capacity = capacity ?? CapacityPlan.OnDemand,
        Indexes = byTier
            ? [new IndexPlan { Name = "byTier", Kind = kind, PartitionKey = kind == IndexKind.Global ? new KeyAttribute("tier", "S") : new KeyAttribute("pk", "S"), SortKey = kind == IndexKind.Global ? null : new KeyAttribute("tier", "S") }]
            : [],
    };

    public static DataSetPlan DataSet(long items = 200, ItemSizePlan? size = null) =>
        new() { TableId = "customers", Model = "customer", Items = items, Seed = 7, Size = size };

    public static OperationWeight Op(OperationKind kind, OperationOptions? options = null) => new(kind, 1) { Options = options ?? OperationOptions.None };

    public static RunPlan Plan(TablePlan table, DataSetPlan dataSet, params OperationWeight[] mix) => new()
    {
        RunId = "sim",
        SuiteName = "sim",
        Seed = 42,
        Tables = [table],
        DataSets = [dataSet],
        Scenarios =
        [
            new ScenarioPlan
            {
                Name = "browse",
                TableId = table.Id,
                Mix = mix,
                Keys = new KeyDistributionPlan("zipfian"),
                Phases = [new RatePhase(1, TimeSpan.FromSeconds(1))],
            },
        ],
    };

    public static SimulatedAttempt Attempt(this ISimulatedExecutor executor, long sequence, int operation = 0, int attempt = 1) =>
        executor.Attempt(new OperationRequest(sequence, operation), attempt);
}
