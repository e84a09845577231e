using System.Diagnostics;
using System.Globalization;
using LoadLab.Capacity.Model;
using LoadLab.Core.Execution;

namespace LoadLab.Bench;

/// <summary>
/// One admission decision of the capacity model (docs/capacity-model.md §10) per call, in a tight loop on one thread: the
/// cost the simulator adds to every request before it is forwarded. Real clock (the model reads it
/// on every call), several rounds, median reported with allocations per call.
/// </summary>
internal static class AdmissionBench
{
    private const int Keys = 4096;
    private const int Iterations = 2_000_000;
    private const int Rounds = 5;

    public static Task<int> RunAsync(BenchOptions o)
    {
        _ = o;
        var model = new CapacityModel(new CapacitySettings(), TimeProvider.System);
        model.CreateTable(new TableCapacityDefinition { TableName = "onDemand" });
        model.CreateTable(new TableCapacityDefinition { TableName = "tiny", Mode = CapacityBillingMode.Provisioned, ReadUnits = 1, WriteUnits = 1 });
        // Distinct keys spread over the hash space, each a one-charge request as the proxy builds for a PutItem.
        // Tiny units keep every bucket far from its limit, so each decision is an admission.
        var requests = Enumerable.Range(0, Keys)
            .Select(k => (IReadOnlyList<Charge>)[new Charge("onDemand", null, CapacityDimension.Write, 1e-4, DeterministicHash.Mix((ulong)k), "pk=" + k.ToString(CultureInfo.InvariantCulture))])
            .ToArray();
        IReadOnlyList<Charge> refused = [new Charge("tiny", null, CapacityDimension.Write, 1_000, 42, "pk=hot")];
        model.Settle(refused); // deep debt: every later check of this table is a refusal

        var rows = new (string Name, Func<int, bool> Call)[]
        {
            ("Admit (granted)", i => model.Admit(requests[i & (Keys - 1)]).Admitted),
            ("Admit + Settle (granted)", i =>
            {
                var request = requests[i & (Keys - 1)];
                bool admitted = model.Admit(request).Admitted;
                model.Settle(request);
                return admitted;
            }),
            ("Admit (refused, provisioned table in debt)", _ => model.Admit(refused).Admitted),
        };

        Console.WriteLine("| decision | rounds × calls | ns per call (median; min–max) | CPU ns per call (median) | bytes allocated per call |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, call) in rows)
        {
            Measure(call, 100_000); // JIT and tiered compilation
            var rounds = Enumerable.Range(0, Rounds).Select(_ => Measure(call, Iterations)).ToArray();
            var ns = rounds.Select(r => r.Ns).Order().ToArray();
            double bytes = rounds.Select(r => r.Bytes).Order().ElementAt(Rounds / 2);
            double cpu = rounds.Select(r => r.CpuNs).Order().ElementAt(Rounds / 2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Rounds} × {Iterations:N0} | {ns[Rounds / 2]:0.0} ({ns[0]:0.0}–{ns[^1]:0.0}) | {cpu:0.0} | {bytes:0.0} |"));
        }

        return Task.FromResult(0);
    }

    // Wall time suffers when other processes share the cores; process CPU time (this loop is the only busy thread) does not.
    private static (double Ns, double CpuNs, double Bytes) Measure(Func<int, bool> call, int iterations)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        int admitted = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < iterations; i++)
        {
            if (call(i))
                admitted++;
        }

        clock.Stop();
        double cpuNs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalNanoseconds;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        GC.KeepAlive(admitted);
        return (clock.Elapsed.TotalNanoseconds / iterations, cpuNs / iterations, (double)bytes / iterations);
    }
}
