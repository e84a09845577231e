using System.Diagnostics;
using System.Globalization;
using LoadLab.Capacity.Model;
using LoadLab.Core.Execution;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;
using LoadLab.Runner.Simulation;

namespace LoadLab.Bench;

/// <summary>
/// The simulated executor's cost per attempt (issue #16): one operation kind per row on a 100,000-item customer table
/// (on demand, with a GSI by tier), uniform keys, the virtual clock moved 1 ms per attempt. The first pass touches
/// items for the first time (their generation and sizing); the second pass is the steady state. CPU time per attempt
/// and bytes allocated per attempt, on one thread.
/// </summary>
internal static class SimulatedExecutorBench
{
    private const long Items = 100_000;
    private const int Attempts = 200_000;

    public static Task<int> RunAsync(BenchOptions o)
    {
        _ = o;
        Console.WriteLine("| operation | pass | attempts | CPU µs per attempt | wall µs per attempt | bytes allocated per attempt |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var (name, kind, options, index) in new (string, OperationKind, OperationOptions, bool)[]
        {
            ("get", OperationKind.Get, OperationOptions.None, true),
            ("put", OperationKind.Put, OperationOptions.None, true),
            ("put (no GSI)", OperationKind.Put, OperationOptions.None, false),
            ("update (ADD version)", OperationKind.Update, OperationOptions.None, true),
            ("update (no GSI)", OperationKind.Update, OperationOptions.None, false),
            ("delete", OperationKind.Delete, OperationOptions.None, true),
            ("query (table, 1 item)", OperationKind.Query, OperationOptions.None, true),
        })
        {
            var clock = new VirtualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var model = new CapacityModel(new CapacitySettings(), clock);
            var plan = Plan(kind, options, index);
            var build = Stopwatch.StartNew();
            var executor = SimulatedTarget.Create(plan, model, clock).For(plan.Scenarios[0]);
            build.Stop();
            long sequence = 0;
            foreach (string pass in new[] { "first touch", "steady" })
            {
                GC.Collect();
                long allocated = GC.GetAllocatedBytesForCurrentThread();
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var wall = Stopwatch.StartNew();
                for (int i = 0; i < Attempts; i++, sequence++)
                {
                    clock.AdvanceTo(TimeSpan.FromMilliseconds(sequence));
                    executor.Attempt(new OperationRequest(sequence, 0), 1);
                }

                wall.Stop();
                double cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Attempts;
                double bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / Attempts;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {pass} | {Attempts:N0} | {cpuUs:0.00} | {wall.Elapsed.TotalMicroseconds / Attempts:0.00} | {bytes:0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"|  | (setup: tables, seeded bytes{(kind == OperationKind.Query ? ", partition directory" : "")}) | | | {build.Elapsed.TotalMilliseconds:0} ms | |"));
        }

        Parts();
        return Task.FromResult(0);
    }

    /// <summary>Where a write's time goes: generating the item, and sizing it from wire JSON.</summary>
    private static void Parts()
    {
        var plan = Plan(OperationKind.Get, OperationOptions.None, true);
        var clock = new VirtualClock(DateTimeOffset.UnixEpoch);
        var target = SimulatedTarget.Create(plan, new CapacityModel(new CapacitySettings(), clock), clock);
        var table = target.Tables["customers"];
        var item = table.Model.CreateItem(7, 1, table.Plan);
        var state = table.State(1);
        var image = table.ImageOf(item);
        var charges = table.Pricing.Write(state.Key, image, table.ImageOf(LoadLab.DynamoDb.Driver.ItemWrites.Refreshed(table.Model.CreateItem(7, 1, table.Plan), 5, clock)));
        var keyed = Enumerable.Range(0, 100_000).Select(k =>
        {
            var other = table.State(k);
            return table.Pricing.Write(other.Key, other.Image, table.ImageOf(LoadLab.DynamoDb.Driver.ItemWrites.Refreshed(table.Model.CreateItem(7, k, table.Plan), 5, clock))).Charges;
        }).ToArray();
        foreach (var (name, call) in new (string, Action<int>)[]
        {
            ("CreateItem", i => table.Model.CreateItem(7, i, table.Plan)),
            ("wire JSON + parse", i => table.Wire.Item(item).Dispose()),
            ("wire JSON + parse + ImageOf", i => table.ImageOf(item)),
            ("CreateItem (random index)", i => table.Model.CreateItem(7, (i * 7919L) % Items, table.Plan)),
            ("Refreshed", i => LoadLab.DynamoDb.Driver.ItemWrites.Refreshed(item, i, clock)),
            ("State (touched)", i => table.State(i % 1000)),
            ("Pricing.Write", i => table.Pricing.Write(state.Key, image, image)),
            ("Admit + Settle (put charges)", i => { table.Capacity.Admit(charges.Charges); table.Capacity.Settle(charges.Charges); }),
            ("Admit + Settle (put charges, 100k keys)", i =>
            {
                var c = keyed[i % keyed.Length];
                clock.AdvanceTo(TimeSpan.FromMilliseconds(i));
                table.Capacity.Admit(c);
                table.Capacity.Settle(c);
            }),
            ("RecordStoredBytes", i => table.Capacity.RecordStoredBytes("Customers", (i & 1) == 0 ? 1 : -1)),
        })
        {
            for (int i = 0; i < 20_000; i++)
                call(i);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (int i = 0; i < Attempts; i++)
                call(i);
            double us = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Attempts;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| part: {name} | | {Attempts:N0} | {us:0.00} | | |"));
        }
    }

    private static RunPlan Plan(OperationKind kind, OperationOptions options, bool index)
    {
        var table = new TablePlan
        {
            Id = "customers",
            Name = "Customers",
            PartitionKey = new KeyAttribute("pk", "S"),
            SortKey = new KeyAttribute("sk", "S"),
            Indexes = index ? [new IndexPlan { Name = "byTier", PartitionKey = new KeyAttribute("tier", "S") }] : [],
        };
        return new RunPlan
        {
            RunId = "bench",
            SuiteName = "bench",
            Tables = [table],
            DataSets = [new DataSetPlan { TableId = table.Id, Model = "customer", Items = Items, Seed = 7 }],
            Scenarios =
            [
                new ScenarioPlan
                {
                    Name = "bench",
                    TableId = table.Id,
                    Mix = [new OperationWeight(kind, 1) { Options = options }],
                    Keys = KeyDistributionPlan.Uniform,
                    Phases = [new RatePhase(1000, TimeSpan.FromSeconds(1))],
                },
            ],
        };
    }
}
