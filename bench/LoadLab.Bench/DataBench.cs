using System.Diagnostics;
using System.Globalization;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;

namespace LoadLab.Bench;

/// <summary>
/// Data generation on one thread (items per second per model), and seeding throughput against the local target beside
/// a plain BatchWriteItem loop over items generated beforehand: the ratio shows what generating on the fly and the
/// seeder's bookkeeping cost when the target is the bottleneck.
/// </summary>
internal static class DataBench
{
    private const long SeedItems = 10_000;
    private const int Pairs = 6;
    private const int Parallelism = 8;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        var duration = TimeSpan.FromSeconds(Math.Max(1, o.Seconds / 2));
        Console.WriteLine("| generation, one thread | items/s (wall) | items per CPU-second | CPU µs per item | mean item bytes |");
        Console.WriteLine("|---|---|---|---|---|");
        Generation("order", Data("order"), duration);
        Generation("order + templates + 2 KB size", Data("order") with
        {
            PartitionKeyTemplate = "CUSTOMER#{customerId}",
            SortKeyTemplate = "ORDER#{createdAt:yyyy-MM-dd}#{orderId}",
            Templates = [new("gsi1pk", "STATUS#{status}#{shard(10)}")],
            Size = ItemSizePlan.Target(2048),
        }, duration);
        Generation("customer", Data("customer"), duration);
        Generation("custom (8 fields)", Data(DataSetPlan.CustomModelName) with
        {
            CustomFields =
            [
                new("email", "internet.email"), new("amount", "finance.amount(1,500)"), new("status", "pick(NEW,PAID,SHIPPED)"),
                new("address", null, [new("city", "address.city"), new("zip", "address.zipCode")]), new("tags", "set(lorem.word, 3)"),
                new("scores", "list(random.int(1,100), 5)"), new("blob", "binary(16)"), new("id", "index"),
            ],
        }, duration);
        // A run creates its client before seeding, and the client factory turns this on for the whole process:
        // every AttributeValue then allocates its empty collections.
        AWSConfigs.InitializeCollections = true;
        Generation("order, SDK InitializeCollections on (as in a run)", Data("order"), duration);

        await SeedingAsync();
        return 0;
    }

    private static DataSetPlan Data(string model) => new() { TableId = "items", Model = model, Items = 10_000_000, Seed = 42 };

    private static readonly TablePlan Table = new() { Id = "items", Name = "local_BenchData", PartitionKey = new KeyAttribute("pk", "S"), SortKey = new KeyAttribute("sk", "S") };

    private static void Generation(string label, DataSetPlan plan, TimeSpan duration)
    {
        var model = DataModels.For(plan);
        // Warm-up: JIT, Bogus locale data and the value pools.
        for (long i = 0; i < 20_000; i++)
            model.CreateItem(42, i, Table);

        long bytes = 0, count = 0;
        // CPU time as well as wall time: on a shared machine the thread does not get a whole core, and CPU time per
        // item is what one core can do. The process is otherwise idle here, so its CPU time is this loop's (and GC's).
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (int k = 0; k < 1000; k++, count++)
            {
                var item = model.CreateItem(42, 1_000_000 + count, Table);
                if ((count & 1023) == 0)
                    bytes += ItemSize.Of(item);
            }
        }

        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {count / seconds:N0} | {count / cpu:N0} | {cpu * 1e6 / count:0.00} | {bytes / (double)((count + 1023) / 1024):N0} |"));
    }

    private static async Task SeedingAsync()
    {
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions());
        using var client = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = local.Endpoint, UseLocalCredentials = true });
        var data = Data("order") with { Items = SeedItems };
        var model = DataModels.For(data);

        // Warm dynalite and both paths once, then alternate rounds on fresh tables so drift hits both alike.
        await PlainRoundAsync(client, model, data, 2_000);
        await SeederRoundAsync(client, model, data with { Items = 2_000 });
        var plain = new List<double>();
        var seeder = new List<double>();
        var plainCpu = new List<double>();
        var seederCpu = new List<double>();
        var cached = new List<double>();
        var cachedCpu = new List<double>();
        // ABBA order: load from other processes drifts over a minute, and alternating which goes first cancels it.
        for (int pair = 0; pair < Pairs; pair++)
        {
            if (pair % 2 == 0)
            {
                await Measured(plain, plainCpu, () => PlainRoundAsync(client, model, data, SeedItems));
                await Measured(seeder, seederCpu, () => SeederRoundAsync(client, model, data));
                await Measured(cached, cachedCpu, () => SeederRoundAsync(client, Pregenerated.Of(model, data), data));
            }
            else
            {
                await Measured(cached, cachedCpu, () => SeederRoundAsync(client, Pregenerated.Of(model, data), data));
                await Measured(seeder, seederCpu, () => SeederRoundAsync(client, model, data));
                await Measured(plain, plainCpu, () => PlainRoundAsync(client, model, data, SeedItems));
            }
        }

        double ratio = BenchMath.Median(seeder) / BenchMath.Median(plain);
        Console.WriteLine();
        Console.WriteLine("| seeding vs dynalite | items | parallel batches | plain BatchWriteItem loop items/s (rounds) | Seeder items/s (rounds) | Seeder / plain (medians) | Seeder over pre-generated items items/s (rounds) | LoadLab-side CPU µs per item: plain / Seeder / Seeder pre-generated (medians) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| order, 25 per batch | {SeedItems:N0} | {Parallelism} | {Rounds(plain)} | {Rounds(seeder)} | {ratio:0.000} | {Rounds(cached)} | {BenchMath.Median(plainCpu):0.0} / {BenchMath.Median(seederCpu):0.0} / {BenchMath.Median(cachedCpu):0.0} |"));
    }

    /// <summary>
    /// Runs a round and keeps its items/s and the CPU µs this process spent per item. The plain loop's CPU excludes
    /// generating its items (done before its clock starts), so the difference is what generating on the fly costs.
    /// </summary>
    private static async Task Measured(List<double> rates, List<double> cpuPerItem, Func<Task<(double Rate, TimeSpan Cpu)>> round)
    {
        var (rate, cpu) = await round();
        rates.Add(rate);
        cpuPerItem.Add(cpu.TotalMilliseconds * 1000 / SeedItems);
    }

    /// <summary>A full collection before a timed section, so garbage of the previous round is not charged to this one.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static async Task<(double Rate, TimeSpan Cpu)> SeederRoundAsync(IAmazonDynamoDB client, IDataModel model, DataSetPlan data)
    {
        var table = await FreshTableAsync(client);
        try
        {
            Settle();
            var cpu = Cpu();
            var result = await Seeder.SeedAsync(client, table, data, model, new SeedOptions { Parallelism = Parallelism }, CancellationToken.None);
            return (result.ItemsWritten / result.Elapsed.TotalSeconds, Cpu() - cpu);
        }
        finally
        {
            await client.DeleteTableAsync(table.Name);
        }
    }

    /// <summary>The same batches of 25 and the same parallelism as the seeder, over items generated before the clock starts.</summary>
    private static async Task<(double Rate, TimeSpan Cpu)> PlainRoundAsync(IAmazonDynamoDB client, DataSetModel model, DataSetPlan data, long items)
    {
        var table = await FreshTableAsync(client);
        try
        {
            var batches = new List<List<WriteRequest>>();
            for (long first = 0; first < items; first += Seeder.BatchSize)
            {
                batches.Add([.. Enumerable.Range(0, (int)Math.Min(Seeder.BatchSize, items - first))
                    .Select(k => new WriteRequest(new PutRequest(model.CreateItem(data.Seed, first + k, table))))]);
            }

            int next = -1;
            Settle();
            var cpu = Cpu();
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, Parallelism).Select(_ => Task.Run(async () =>
            {
                int b;
                while ((b = Interlocked.Increment(ref next)) < batches.Count)
                {
                    var pending = batches[b];
                    while (pending.Count > 0)
                    {
                        var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { [table.Name] = pending } });
                        pending = response.UnprocessedItems is { } left && left.TryGetValue(table.Name, out var list) ? list : [];
                    }
                }
            })).ToArray();
            await Task.WhenAll(workers);
            return (items / clock.Elapsed.TotalSeconds, Cpu() - cpu);
        }
        finally
        {
            await client.DeleteTableAsync(table.Name);
        }
    }

    private static async Task<TablePlan> FreshTableAsync(IAmazonDynamoDB client)
    {
        var table = Table with { Name = "local_BenchData_" + Guid.NewGuid().ToString("N")[..8] };
        await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None);
        return table;
    }

    private static string Rounds(List<double> values) => string.Join(" / ", values.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)));

    /// <summary>The data set's items made before the clock starts, so the seeder's own mechanics can be told from generation.</summary>
    private sealed class Pregenerated(Dictionary<string, AttributeValue>[] items, IDataModel model) : IDataModel
    {
        public string Name => model.Name;

        public static Pregenerated Of(DataSetModel model, DataSetPlan data) =>
            new([.. Enumerable.Range(0, (int)data.Items).Select(i => model.CreateItem(data.Seed, i, Table))], model);

        public Dictionary<string, AttributeValue> CreateItem(long seed, long index, TablePlan table) => items[index];

        public Dictionary<string, AttributeValue> KeyOf(long index, TablePlan table) => model.KeyOf(index, table);
    }
}
