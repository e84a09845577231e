using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.UnitTests.Tracing.Support;

/// <summary>The small plan the tracing tests drive.</summary>
internal static class TraceTestPlans
{
    public static readonly TablePlan Table = new()
    {
        Id = "customers",
        Name = "Customers",
        PartitionKey = new KeyAttribute("pk", "S"),
        SortKey = new KeyAttribute("sk", "S"),
    };

    public static readonly DataSetPlan Data = new() { TableId = "customers", Model = "customer", Items = 1000, Seed = 7 };

    public static ScenarioPlan Scenario(params string[] operations) => new()
    {
        Name = "browse",
        TableId = "customers",
        Mix = (operations.Length == 0 ? ["get", "put"] : operations).Select(o => new OperationWeight(OperationKinds.Parse(o), 1)).ToArray(),
        Phases = [new RampPhase(0, 10, TimeSpan.FromSeconds(10)), new RatePhase(10, TimeSpan.FromSeconds(10))],
        Warmup = TimeSpan.FromSeconds(2),
    };

    public static DynamoDbOperationExecutor Executor(FakeDynamoDbHttp http, ScenarioPlan scenario, TimeProvider time, int maxAttempts = 3) =>
        new(http.CreateClient(maxAttempts), scenario, Table, Data, CustomerModel.Instance, runSeed: 42, time);
}
