using System.Diagnostics;
using System.Globalization;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;

namespace LoadLab.Bench;

/// <summary>Long open-model run: resident memory must stay flat after the first minute.</summary>
internal static class MemoryBench
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        double rate = o.Rate > 0 ? o.Rate : 2_000;
        var duration = TimeSpan.FromMinutes(o.Minutes);
        var plan = new ScenarioPlan
        {
            Name = "memory",
            TableId = "none",
            Mix = [new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)],
            Phases = [new RatePhase(rate, duration)],
        };
        var samples = new List<(double Seconds, double RssMb, double HeapMb)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var self = Process.GetCurrentProcess();
                samples.Add((clock.Elapsed.TotalSeconds, self.WorkingSet64 / 1048576.0, GC.GetTotalMemory(false) / 1048576.0));
                try { await Task.Delay(TimeSpan.FromSeconds(10), stop.Token); } catch (OperationCanceledException) { }
            }
        });
        var result = await new LoadEngine(TimeProvider.System).RunAsync([new EngineScenario(plan, new NoOpExecutor(), "none")], new EngineOptions(), CancellationToken.None);
        await stop.CancelAsync();
        await sampler;
        var afterFirstMinute = samples.Where(s => s.Seconds >= 60).ToList();
        double growth = afterFirstMinute.Count > 1 ? afterFirstMinute[^1].RssMb - afterFirstMinute[0].RssMb : double.NaN;
        double peakGrowth = afterFirstMinute.Count > 1 ? afterFirstMinute.Max(s => s.RssMb) - afterFirstMinute[0].RssMb : double.NaN;
        Console.WriteLine("| benchmark | rate | minutes | operations | RSS at 1 min MB | RSS at end MB | growth after 1 min MB | peak growth MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| memory, open no-op | {rate:N0} | {o.Minutes:0.#} | {result.Scenarios[0].Scheduled:N0} | {(afterFirstMinute.Count > 0 ? afterFirstMinute[0].RssMb : double.NaN):0.0} | {samples[^1].RssMb:0.0} | {growth:0.0} | {peakGrowth:0.0} |"));
        return 0;
    }
}
