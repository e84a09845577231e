using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.Bench;

/// <summary>Throughput and latency of one closed-loop round.</summary>
/// <param name="CpuUsPerOp">CPU time of this whole process per operation (client, and the simulator when it runs in-process; not dynalite).</param>
internal sealed record LoopRound(double OpsPerSecond, double P50Ms, double P99Ms, double CpuUsPerOp);

/// <summary>
/// The plain closed loop of AWS SDK calls the driver and simulator benchmarks share: N workers, each
/// sending GetItem (80 %) or PutItem (20 %) on random keys of the seeded items back to back, with no
/// engine in between. Each call's time is kept (per worker, no locks) for the percentiles.
/// </summary>
internal static class WorkloadLoop
{
    public static async Task<LoopRound> RunAsync(IAmazonDynamoDB client, TablePlan table, IDataModel model, long items, int workers, TimeSpan duration)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var times = new List<long>(capacity: 16_384);
            while (clock.Elapsed < duration)
            {
                long index = random.NextInt64(items);
                long start = Stopwatch.GetTimestamp();
                if (random.Next(100) < 80)
                    await client.GetItemAsync(new GetItemRequest { TableName = table.Name, Key = model.KeyOf(index, table), ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES });
                else
                    await client.PutItemAsync(new PutItemRequest { TableName = table.Name, Item = model.CreateItem(42, index, table), ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES });
                times.Add(Stopwatch.GetTimestamp() - start);
            }

            return times;
        })));
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds;
        var all = perWorker.SelectMany(t => t).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? 0 : all[(int)Math.Min(all.Length - 1, Math.Floor(p * all.Length))] * 1000.0 / Stopwatch.Frequency;
        return new LoopRound(all.Length / seconds, Percentile(0.5), Percentile(0.99), all.Length == 0 ? 0 : cpuUs / all.Length);
    }
}
