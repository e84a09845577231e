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
    private const int DefaultRounds = 3;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        int workers = o.Workers > 0 ? o.Workers : 32;
        int rounds = o.Rounds > 0 ? o.Rounds : DefaultRounds;
        var duration = TimeSpan.FromSeconds(o.Seconds);
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions());
        var model = new CapacityModel(new CapacitySettings(), TimeProvider.System);
        // LOADLAB_BENCH_INLINE=1 measures the proxy with Kestrel's inline scheduling (no thread-pool hop per read).
        bool inline = Environment.GetEnvironmentVariable("LOADLAB_BENCH_INLINE") == "1";
        await using var proxy = await CapacityProxy.StartAsync(new CapacityProxyOptions { Upstream = local.Endpoint, InlineScheduling = inline }, model, CancellationToken.None);
        using var direct = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = local.Endpoint, UseLocalCredentials = true });
        // What `--env local` runs use: the simulator inside the client's process, no loopback hop to it.
        using var inProcess = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = proxy.Endpoint, UseLocalCredentials = true, InProcessHandler = proxy.CreateInProcessHandler() });
        // What any other client of `loadlab local` gets: HTTP over loopback TCP to Kestrel.
        using var loopback = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = proxy.Endpoint, UseLocalCredentials = true });
        var table = new TablePlan { Id = "items", Name = "local_SimulatorBench", PartitionKey = new KeyAttribute("pk", "S") };
        var dataModel = DataModels.Get("customer");
        // Created and seeded through the simulator, so it knows the table and every item's size.
        await TableProvisioner.EnsureTableAsync(loopback, table, CancellationToken.None);
        await Seeder.SeedAsync(loopback, table, new DataSetPlan { TableId = "items", Model = "customer", Items = Items, Seed = 42 }, dataModel, new SeedOptions(), CancellationToken.None);

        var paths = new[]
        {
            new BenchPath("direct to dynalite", direct),
            new BenchPath("simulator, in process (LoadLab's runs)", inProcess),
            new BenchPath("simulator, loopback TCP (other clients)", loopback),
        };
        Task<LoopRound> Loop(IAmazonDynamoDB client, int n, TimeSpan d) => WorkloadLoop.RunAsync(client, table, dataModel, Items, n, d);
        // Warm-up, twice each and interleaved: the first seconds of each path (JIT, tiering, dynalite's own JIT) are much slower.
        for (int i = 0; i < 2; i++)
        {
            foreach (var path in paths)
                await Loop(path.Client, workers, TimeSpan.FromSeconds(4));
        }

        // LOADLAB_BENCH_PROFILE_SECONDS=N [LOADLAB_BENCH_PROFILE_PATH=index]: after the warm-ups, only one path for N seconds, for a profiler.
        if (int.TryParse(Environment.GetEnvironmentVariable("LOADLAB_BENCH_PROFILE_SECONDS"), CultureInfo.InvariantCulture, out int profileSeconds))
        {
            int index = int.TryParse(Environment.GetEnvironmentVariable("LOADLAB_BENCH_PROFILE_PATH"), CultureInfo.InvariantCulture, out int i) ? i : 1;
            var profiled = await Loop(paths[index].Client, workers, TimeSpan.FromSeconds(profileSeconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"profile round, {paths[index].Name}: {profiled.OpsPerSecond:N0} ops/s, {profiled.CpuUsPerOp:0} µs CPU per op"));
            return 0;
        }

        for (int round = 0; round < rounds; round++)
        {
            // Rotate which path goes first, so none always follows another's warm caches or GC debt.
            for (int k = 0; k < paths.Length; k++)
            {
                var path = paths[(round + k) % paths.Length];
                path.Throughput.Add(await Loop(path.Client, workers, duration));
                path.Latency.Add(await Loop(path.Client, 1, duration / 2));
            }
        }

        var throttled = model.Snapshot().Resources.Sum(r => r.ThrottledRequests);
        string w = workers.ToString(CultureInfo.InvariantCulture);
        Console.WriteLine($"| path | ops/s, {w} workers (rounds) | p50 ms, {w} workers | CPU µs per op (LoadLab process) | p50 ms, 1 worker (rounds) | p99 ms, 1 worker |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var path in paths)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {path.Name} | {Each(path.Throughput, r => r.OpsPerSecond, "N0")} | {Median(path.Throughput, r => r.P50Ms):0.00} | {Median(path.Throughput, r => r.CpuUsPerOp):0} | {Each(path.Latency, r => r.P50Ms, "0.000")} | {Median(path.Latency, r => r.P99Ms):0.00} |"));
        }

        Console.WriteLine();
        var baseline = paths[0];
        foreach (var path in paths.Skip(1))
        {
            // Each round's paths ran back to back, so a round's own ratio is least affected by drift in the machine.
            var perRound = path.Throughput.Zip(baseline.Throughput, (p, d) => p.OpsPerSecond / d.OpsPerSecond).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path.Name}: throughput / direct = **{Median(path.Throughput, r => r.OpsPerSecond) / Median(baseline.Throughput, r => r.OpsPerSecond):0.000}** (medians; target >= 0.85), per round {string.Join(" / ", perRound.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} (median {BenchMath.Median(perRound):0.000}); added p50 latency, 1 worker = **{Median(path.Latency, r => r.P50Ms) - Median(baseline.Latency, r => r.P50Ms):0.000} ms** (target <= 0.2 ms); simulator CPU per request ≈ {Median(path.Throughput, r => r.CpuUsPerOp) - Median(baseline.Throughput, r => r.CpuUsPerOp):0} µs."));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Throttled requests: {throttled}. Kestrel inline scheduling: {(inline ? "on" : "off")}. Load average: {LoadAverage()}."));
        return 0;
    }

    private static double Median(List<LoopRound> rounds, Func<LoopRound, double> value) => BenchMath.Median(rounds.Select(value));

    private static string Each(List<LoopRound> rounds, Func<LoopRound, double> value, string format) =>
        string.Join(" / ", rounds.Select(r => value(r).ToString(format, CultureInfo.InvariantCulture)));

    /// <summary>One way to reach dynalite, and what its rounds measured.</summary>
    private sealed record BenchPath(string Name, IAmazonDynamoDB Client)
    {
        public List<LoopRound> Throughput { get; } = [];

        public List<LoopRound> Latency { get; } = [];
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
