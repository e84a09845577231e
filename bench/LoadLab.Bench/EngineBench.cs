using System.Globalization;
using LoadLab.Core.Engine;
using LoadLab.Core.Plans;

namespace LoadLab.Bench;

/// <summary>Engine overhead with a no-op operation: closed-model throughput, open-model accuracy.</summary>
internal static class EngineBench
{
    private static ScenarioPlan Plan(LoadPhase phase, int maxInFlight = 1024) => new()
    {
        Name = "bench",
        TableId = "none",
        Mix = [new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)],
        Phases = [phase],
        MaxInFlight = maxInFlight,
    };

    public static async Task<int> ClosedAsync(BenchOptions o)
    {
        int workers = o.Workers > 0 ? o.Workers : Environment.ProcessorCount;
        // Warm the JIT first so the measured run is steady state.
        await RunAsync(Plan(new ConcurrencyPhase(workers, TimeSpan.FromSeconds(2))));
        var result = await RunAsync(Plan(new ConcurrencyPhase(workers, TimeSpan.FromSeconds(o.Seconds))));
        var s = result.Scenarios[0];
        long completed = s.Operations.Sum(op => op.Completed);
        double opsPerSecond = completed / s.DurationSeconds;
        double nsPerOp = 1e9 / opsPerSecond * Environment.ProcessorCount;
        Console.WriteLine("| benchmark | workers | seconds | operations | ops/s | CPU ns per op (all cores) |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| engine closed, no-op | {workers} | {s.DurationSeconds:0.0} | {completed:N0} | {opsPerSecond:N0} | {nsPerOp:0} |"));
        return 0;
    }

    public static async Task<int> OpenAsync(BenchOptions o)
    {
        double rate = o.Rate > 0 ? o.Rate : 50_000;
        await RunAsync(Plan(new RatePhase(rate, TimeSpan.FromSeconds(2))));
        var result = await RunAsync(Plan(new RatePhase(rate, TimeSpan.FromSeconds(o.Seconds))));
        var s = result.Scenarios[0];
        long completed = s.Operations.Sum(op => op.Completed);
        Console.WriteLine("| benchmark | target ops/s | seconds | scheduled | completed | achieved % of target | lateness p50 ms | p99 ms | p99.9 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| engine open, no-op | {rate:N0} | {s.DurationSeconds:0.0} | {s.Scheduled:N0} | {completed:N0} | {100.0 * completed / s.TargetOperations:0.00} | {s.StartLateness.P50Ms:0.000} | {s.StartLateness.P99Ms:0.000} | {s.StartLateness.P999Ms:0.000} | {s.StartLateness.MaxMs:0.000} |"));
        return 0;
    }

    internal static Task<EngineResult> RunAsync(ScenarioPlan plan) =>
        new LoadEngine(TimeProvider.System).RunAsync([new EngineScenario(plan, new NoOpExecutor(), "none")], new EngineOptions(), CancellationToken.None);
}
