using System.Diagnostics;
using System.Globalization;
using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Simulation;

namespace LoadLab.Bench;

/// <summary>
/// The virtual engine's own cost: a long open-model run (an hour at 1,500 ops/s by default) with an executor that
/// answers at once (2 % throttled, retried after a fixed backoff), so what remains is scheduling, the event queue,
/// the recorders and the intervals. Prints wall time and µs per operation and per attempt.
/// </summary>
internal static class SimulateEngineBench
{
    public static int Run(BenchOptions o, bool minutesGiven)
    {
        double rate = o.Rate > 0 ? o.Rate : 1_500;
        double minutes = minutesGiven ? o.Minutes : 60;
        // Warm the JIT first so the measured run is steady state.
        Measure(rate, TimeSpan.FromSeconds(20));
        var (result, wall, closing, attempts, allocated) = Measure(rate, TimeSpan.FromMinutes(minutes));
        var s = result.Scenarios[0];
        long completed = s.Operations.Sum(op => op.Completed);
        var events = wall - closing;
        Console.WriteLine("| benchmark | ops/s | virtual s | operations | attempts | wall s | µs per op | of which intervals, ms per close | rest, µs per attempt | allocated MB | heap after MB |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| virtual engine, trivial executor | {rate:N0} | {result.DurationSeconds:0} | {completed:N0} | {attempts:N0} | {wall.TotalSeconds:0.00} | {wall.TotalMicroseconds / completed:0.000} | {closing.TotalMilliseconds / Math.Max(1, result.DurationSeconds):0.000} | {events.TotalMicroseconds / attempts:0.000} | {allocated / 1e6:0.0} | {GC.GetTotalMemory(forceFullCollection: true) / 1e6:0.0} |"));
        return 0;
    }

    private static (LoadLab.Core.Engine.EngineResult Result, TimeSpan Wall, TimeSpan Closing, long Attempts, long Allocated) Measure(double rate, TimeSpan length)
    {
        var plan = new ScenarioPlan
        {
            Name = "bench",
            TableId = "none",
            Mix = [new OperationWeight(OperationKind.Get, 80), new OperationWeight(OperationKind.Put, 20)],
            Phases = [new RatePhase(rate, length)],
            MaxInFlight = 1024,
        };
        var executor = new TrivialExecutor();
        // The interval close (recorders, histogram encoding, the live snapshot) runs between these two hooks.
        var closing = new Stopwatch();
        var options = new SimulationOptions
        {
            Retry = new FixedBackoff(),
            ServiceTime = new UniformServiceTime(),
            OnIntervalClosing = closing.Start,
            OnInterval = _ => closing.Stop(),
        };
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var result = VirtualEngine.Run([new SimulatedScenario(plan, executor, "none")], options, new VirtualClock(DateTimeOffset.UnixEpoch), CancellationToken.None);
        watch.Stop();
        return (result, watch.Elapsed, closing.Elapsed, executor.Attempts, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

    /// <summary>Answers at once; every 50th attempt is throttled.</summary>
    private sealed class TrivialExecutor : ISimulatedExecutor
    {
        private static readonly SimulatedAttempt Ok = new(OutcomeKind.Ok, Retryable: false, ReadUnits: 0.5);
        private static readonly SimulatedAttempt Throttled = new(OutcomeKind.Throttled, Retryable: true, Reason: "ThrottlingException");

        public long Attempts;

        public SimulatedAttempt Attempt(OperationRequest request, int attempt) => ++Attempts % 50 == 0 ? Throttled : Ok;
    }

    private sealed class FixedBackoff : IRetryPolicy
    {
        public TimeSpan SendDelay(TimeSpan now) => TimeSpan.Zero;

        public void Observe(TimeSpan now, in SimulatedAttempt answer, int attempt)
        {
        }

        public TimeSpan? RetryDelay(int failedAttempt, in SimulatedAttempt answer, Random random) =>
            answer.Retryable && failedAttempt < 3 ? TimeSpan.FromMilliseconds(25 * random.NextDouble()) : null;
    }

    /// <summary>2 to 8 ms, uniformly.</summary>
    private sealed class UniformServiceTime : IServiceTimeModel
    {
        public TimeSpan Sample(OperationKind kind, Random random) => TimeSpan.FromTicks(20_000 + (long)(60_000 * random.NextDouble()));
    }
}
