using System.Globalization;
using Amazon.DynamoDBv2;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;

namespace LoadLab.Bench;

/// <summary>
/// What the capacity simulator costs: the driver benchmark's closed loop (get 80 / put 20) through the
/// simulator and directly to dynalite, side by side in one run, rounds alternating so drift in the
/// machine or the target affects both alike. Throughput with many workers (dynalite is the ceiling),
/// latency with one worker (no queueing, so the difference is the proxy's own time). The table is
/// on demand with the documented defaults, far below its ceilings: nothing throttles.
/// </summary>
internal static class SimulatorBench
{
    private const long Items = 2_000;
    private const int Rounds = 3;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        int workers = o.Workers > 0 ? o.Workers : 32;
        var duration = TimeSpan.FromSeconds(o.Seconds);
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions());
        var model = new CapacityModel(new CapacitySettings(), TimeProvider.System);
        // LOADLAB_BENCH_INLINE=1 measures the proxy with Kestrel's inline scheduling (no thread-pool hop per read).
        bool inline = Environment.GetEnvironmentVariable("LOADLAB_BENCH_INLINE") == "1";
        await using var proxy = await CapacityProxy.StartAsync(new CapacityProxyOptions { Upstream = local.Endpoint, InlineScheduling = inline }, model, CancellationToken.None);
        using var direct = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = local.Endpoint, UseLocalCredentials = true });
        using var simulated = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = proxy.Endpoint, UseLocalCredentials = true });
        var table = new TablePlan { Id = "items", Name = "local_SimulatorBench", PartitionKey = new KeyAttribute("pk", "S") };
        var dataModel = DataModels.Get("customer");
        // Created and seeded through the simulator, so it knows the table and every item's size.
        await TableProvisioner.EnsureTableAsync(simulated, table, CancellationToken.None);
        await Seeder.SeedAsync(simulated, table, new DataSetPlan { TableId = "items", Model = "customer", Items = Items, Seed = 42 }, dataModel, new SeedOptions(), CancellationToken.None);

        Task<LoopRound> Loop(IAmazonDynamoDB client, int n, TimeSpan d) => WorkloadLoop.RunAsync(client, table, dataModel, Items, n, d);
        // Warm-up, twice each and interleaved: the first seconds of each path (JIT, tiering, dynalite's own JIT) are much slower.
        for (int i = 0; i < 2; i++)
        {
            await Loop(direct, workers, TimeSpan.FromSeconds(5));
            await Loop(simulated, workers, TimeSpan.FromSeconds(5));
        }
        var throughput = (Direct: new List<LoopRound>(), Simulated: new List<LoopRound>());
        var latency = (Direct: new List<LoopRound>(), Simulated: new List<LoopRound>());
        for (int round = 0; round < Rounds; round++)
        {
            // Alternate which path goes first, so neither always follows the other's warm caches or GC debt.
            var order = round % 2 == 0 ? new[] { false, true } : [true, false];
            foreach (bool viaSimulator in order)
            {
                var client = viaSimulator ? simulated : direct;
                (viaSimulator ? throughput.Simulated : throughput.Direct).Add(await Loop(client, workers, duration));
                (viaSimulator ? latency.Simulated : latency.Direct).Add(await Loop(client, 1, duration / 2));
            }
        }

        var throttled = model.Snapshot().Resources.Sum(r => r.ThrottledRequests);
        double Median(List<LoopRound> rounds, Func<LoopRound, double> value) => rounds.Select(value).Order().ElementAt(rounds.Count / 2);
        static string Each(List<LoopRound> rounds, Func<LoopRound, double> value, string format) =>
            string.Join(" / ", rounds.Select(r => value(r).ToString(format, CultureInfo.InvariantCulture)));
        double directOps = Median(throughput.Direct, r => r.OpsPerSecond);
        double simulatedOps = Median(throughput.Simulated, r => r.OpsPerSecond);
        double directP50 = Median(latency.Direct, r => r.P50Ms);
        double simulatedP50 = Median(latency.Simulated, r => r.P50Ms);
        Console.WriteLine("| path | ops/s, " + workers.ToString(CultureInfo.InvariantCulture) + " workers (rounds) | p50 ms, " + workers.ToString(CultureInfo.InvariantCulture) + " workers | CPU µs per op (LoadLab process) | p50 ms, 1 worker (rounds) | p99 ms, 1 worker |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| direct to dynalite | {Each(throughput.Direct, r => r.OpsPerSecond, "N0")} | {Median(throughput.Direct, r => r.P50Ms):0.00} | {Median(throughput.Direct, r => r.CpuUsPerOp):0} | {Each(latency.Direct, r => r.P50Ms, "0.000")} | {Median(latency.Direct, r => r.P99Ms):0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| through the simulator | {Each(throughput.Simulated, r => r.OpsPerSecond, "N0")} | {Median(throughput.Simulated, r => r.P50Ms):0.00} | {Median(throughput.Simulated, r => r.CpuUsPerOp):0} | {Each(latency.Simulated, r => r.P50Ms, "0.000")} | {Median(latency.Simulated, r => r.P99Ms):0.00} |"));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Throughput simulator / direct = **{simulatedOps / directOps:0.000}** (medians; target >= 0.85). Added p50 latency, 1 worker = **{simulatedP50 - directP50:0.000} ms** (target <= 0.2 ms). Simulator CPU per request ≈ {Median(throughput.Simulated, r => r.CpuUsPerOp) - Median(throughput.Direct, r => r.CpuUsPerOp):0} µs. Throttled requests: {throttled}. Kestrel inline scheduling: {(inline ? "on" : "off")}. Load average: {LoadAverage()}."));
        return 0;
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
