using System.Globalization;
using Amazon.DynamoDBv2;
using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;

namespace LoadLab.Bench;

/// <summary>
/// Ops/s LoadLab reaches against the local target, side by side with a plain loop of the same SDK
/// calls and no engine. The local target is the ceiling on a small machine, so the ratio, not the
/// absolute figure, shows what the engine costs.
/// </summary>
internal static class DriverBench
{
    private const long Items = 2_000;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        int workers = o.Workers > 0 ? o.Workers : 32;
        var duration = TimeSpan.FromSeconds(o.Seconds);
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions());
        using var client = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = local.Endpoint, UseLocalCredentials = true });
        var table = new TablePlan { Id = "items", Name = "local_Bench", PartitionKey = new KeyAttribute("pk", "S") };
        var dataSet = new DataSetPlan { TableId = "items", Model = "customer", Items = Items, Seed = 42 };
        var model = DataModels.Get("customer");
        await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None);
        await Seeder.SeedAsync(client, table, dataSet, model, new SeedOptions(), CancellationToken.None);

        // Warm both paths (and dynalite's own JIT), then alternate rounds so drift in the target
        // affects both alike; medians of three rounds each.
        await PlainLoopAsync(client, table, model, workers, TimeSpan.FromSeconds(5));
        await EngineAsync(client, table, dataSet, model, workers, TimeSpan.FromSeconds(5));
        var plainRounds = new List<double>();
        var engineRounds = new List<LoadLab.Core.Results.ScenarioResult>();
        for (int round = 0; round < 3; round++)
        {
            plainRounds.Add(await PlainLoopAsync(client, table, model, workers, duration));
            engineRounds.Add(await EngineAsync(client, table, dataSet, model, workers, duration));
        }

        static double Ops(LoadLab.Core.Results.ScenarioResult r) => r.Operations.Sum(op => op.Completed) / r.DurationSeconds;
        double plain = BenchMath.Median(plainRounds);
        var engine = engineRounds.OrderBy(Ops).ElementAt(1);
        double engineOps = Ops(engine);
        var get = engine.Operations.First(op => op.Name == "get");
        Console.WriteLine("| benchmark | workers | rounds × seconds | plain SDK loop ops/s (rounds) | LoadLab ops/s (rounds) | LoadLab / plain (medians) | LoadLab get p50 ms | p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| driver vs dynalite, get 80 / put 20 | {workers} | 3 × {o.Seconds:0} | {string.Join(" / ", plainRounds.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))} | {string.Join(" / ", engineRounds.Select(r => Ops(r).ToString("N0", CultureInfo.InvariantCulture)))} | {engineOps / plain:0.000} | {get.Latency.P50Ms:0.00} | {get.Latency.P99Ms:0.00} |"));
        return 0;
    }

    private static async Task<double> PlainLoopAsync(IAmazonDynamoDB client, TablePlan table, IDataModel model, int workers, TimeSpan duration) =>
        (await WorkloadLoop.RunAsync(client, table, model, Items, workers, duration)).OpsPerSecond;

    private static async Task<LoadLab.Core.Results.ScenarioResult> EngineAsync(IAmazonDynamoDB client, TablePlan table, DataSetPlan dataSet, IDataModel model, int workers, TimeSpan duration)
    {
        var plan = new ScenarioPlan
        {
            Name = "driver",
            TableId = table.Id,
            Mix = [new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)],
            Phases = [new ConcurrencyPhase(workers, duration)],
        };
        IOperationExecutor executor = new DynamoDbOperationExecutor(client, plan, table, dataSet, model, 42);
        var result = await new LoadEngine(TimeProvider.System).RunAsync([new EngineScenario(plan, executor, table.Name)], new EngineOptions(), CancellationToken.None);
        return result.Scenarios[0];
    }
}
