using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.Bench.Harness;

/// <summary>
/// <c>harness-ablate ENDPOINT</c>: where LoadLab's extra cost per call is. One warm process runs the same calls through
/// more and more of LoadLab's path — plain client, LoadLab's client (observer, config), the attempt scope, a cancellable
/// token, the executor alone, the engine with the executor — in short alternating slices, and prints the median ops/s
/// and CPU per call of each. Few workers, so each call's own cost shows rather than the machine's contention.
/// </summary>
internal static class HarnessAblation
{
    private const long Items = 100_000;
    private static readonly TablePlan Table = new() { Id = "items", Name = "local_Bench", PartitionKey = new KeyAttribute("pk", "S") };
    private static readonly DataSetPlan DataSet = new() { TableId = "items", Model = "customer", Items = Items, Seed = 42 };

    public static async Task<int> RunAsync(Uri endpoint, BenchOptions o)
    {
        int workers = o.Workers > 0 ? o.Workers : 2;
        var slice = TimeSpan.FromSeconds(o.Seconds > 0 ? o.Seconds : 3);
        int rounds = o.Rounds > 0 ? o.Rounds : 5;
        var config = new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 2, RetryMode = RequestRetryMode.Standard };
        using var plain = new AmazonDynamoDBClient(new BasicAWSCredentials("loadlab-local", "loadlab-local"), config);
        using var loadlab = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = endpoint, Region = "us-east-1", UseLocalCredentials = true });
        var model = DataModels.For(DataSet);
        using var cts = new CancellationTokenSource();
        var plan = new ScenarioPlan
        {
            Name = "ablate",
            TableId = Table.Id,
            Mix = [new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)],
            Phases = [new ConcurrencyPhase(workers, slice)],
        };
        var executor = new DynamoDbOperationExecutor(loadlab, plan, Table, DataSet, model, 42, TimeProvider.System, new DriverOptions { Target = TargetCapabilities.DynamoDb });
        var picker = new OperationPicker(plan.Mix, 42, plan.Name);

        var variants = new (string Name, Func<Task<long>> Run)[]
        {
            ("plain client", () => Loop(workers, slice, (i, get) => Call(plain, model, i, get, default))),
            ("LoadLab's client (observer + config)", () => Loop(workers, slice, (i, get) => Call(loadlab, model, i, get, default))),
            ("plain client + attempt scope", () => Loop(workers, slice, (i, get) => Scoped(plain, model, i, get))),
            ("plain client + cancellable token", () => Loop(workers, slice, (i, get) => Call(plain, model, i, get, cts.Token))),
            ("LoadLab's executor, no engine", () => Loop(workers, slice, async (i, _) => await executor.ExecuteAsync(new OperationRequest(i, picker.Pick(i)), cts.Token))),
            ("engine + executor (closed model)", async () =>
            {
                var result = await new LoadEngine(TimeProvider.System).RunAsync([new EngineScenario(plan, executor, Table.Name)], new EngineOptions(), CancellationToken.None);
                return result.Scenarios[0].Operations.Sum(op => op.Completed);
            }),
        };

        // Warm every path first, then alternate.
        foreach (var v in variants)
            await v.Run();
        var figures = variants.Select(_ => new List<(double Ops, double CpuUs)>()).ToArray();
        for (int r = 0; r < rounds; r++)
        {
            for (int i = 0; i < variants.Length; i++)
            {
                var cpu = Environment.CpuUsage.TotalTime;
                var clock = Stopwatch.StartNew();
                long calls = await variants[i].Run();
                double seconds = clock.Elapsed.TotalSeconds;
                figures[i].Add((calls / seconds, (Environment.CpuUsage.TotalTime - cpu).TotalMicroseconds / Math.Max(1, calls)));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"harness-ablate: {workers} workers, {rounds} rounds × {slice.TotalSeconds:0} s per variant, load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine();
        Console.WriteLine("| path | ops/s (median) | client CPU µs/call (median) | vs plain client |");
        Console.WriteLine("|---|---|---|---|");
        double baseCpu = BenchMath.Median(figures[0].Select(f => f.CpuUs));
        for (int i = 0; i < variants.Length; i++)
        {
            double ops = BenchMath.Median(figures[i].Select(f => f.Ops));
            double cpu = BenchMath.Median(figures[i].Select(f => f.CpuUs));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {variants[i].Name} | {ops:N0} | {cpu:0.0} | {cpu - baseCpu:+0.0;-0.0} µs |"));
        }

        return 0;
    }

    private static async Task<long> Loop(int workers, TimeSpan slice, Func<long, bool, Task> call)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (clock.Elapsed < slice)
            {
                await call(random.NextInt64(Items), random.Next(100) < 80);
                Interlocked.Increment(ref calls);
            }
        })));
        return calls;
    }

    private static async Task Call(IAmazonDynamoDB client, IDataModel model, long index, bool get, CancellationToken token)
    {
        if (get)
            await client.GetItemAsync(new GetItemRequest { TableName = Table.Name, Key = model.KeyOf(index, Table), ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES }, token);
        else
            await client.PutItemAsync(new PutItemRequest { TableName = Table.Name, Item = model.CreateItem(42, index, Table), ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES }, token);
    }

    private static async Task Scoped(IAmazonDynamoDB client, IDataModel model, long index, bool get)
    {
        AttemptScope.Begin();
        await Call(client, model, index, get, default);
    }
}
