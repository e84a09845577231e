using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Scheduling;

namespace LoadLab.Core.Engine;

/// <summary>
/// Drives one scenario through its phases. Open phases start operations at absolute intended
/// times; closed phases keep a number of workers busy. Operations in flight never exceed the
/// scenario's bound: at the bound an arrival waits (queue) or is dropped (drop).
/// </summary>
internal sealed partial class ScenarioRunner : IScenarioProgress
{
    private readonly ScenarioPlan plan;
    private readonly IOperationExecutor executor;
    private readonly TimeProvider time;
    private readonly Pacer pacer;
    private readonly OperationPicker picker;
    private readonly SemaphoreSlim slots;
    private readonly double ticksPerMicro;
    private long startTimestamp;
    private long warmupEndTimestamp;
    private long sequence;
    private long scenarioEndTimestamp;
    private CancellationToken operationToken;

    public ScenarioRunner(EngineScenario scenario, long seed, TimeProvider time)
    {
        plan = scenario.Plan;
        executor = scenario.Executor;
        this.time = time;
        pacer = new Pacer(time);
        picker = new OperationPicker(plan.Mix, seed, plan.Name);
        slots = new SemaphoreSlim(plan.MaxInFlight, plan.MaxInFlight);
        Schedule = new ArrivalSchedule(plan.Phases);
        Recorder = new ScenarioRecorder(plan.Mix.Select(m => m.Operation).ToArray());
        ticksPerMicro = time.TimestampFrequency / 1_000_000.0;
        CurrentPhase = plan.Phases.Count > 0 ? plan.Phases[0] : null;
    }

    public ScenarioRecorder Recorder { get; }

    public ArrivalSchedule Schedule { get; }

    public ScenarioPlan Plan => plan;

    public LoadPhase? CurrentPhase { get; private set; }

    /// <summary>Workers active now in a closed phase (for the live view).</summary>
    public int ActiveWorkers => Recorder.InFlight;

    /// <summary>Seconds from the scenario start at which scheduling stopped.</summary>
    public double StoppedAtSeconds { get; private set; }

    /// <summary>Runs every phase; returns when scheduling is over (in-flight operations may still run).</summary>
    public async Task RunAsync(long start, CancellationToken stop, CancellationToken operations)
    {
        startTimestamp = start;
        warmupEndTimestamp = start + ToTicks(plan.Warmup.TotalSeconds);
        operationToken = operations;
        scenarioEndTimestamp = start + ToTicks(plan.Duration.TotalSeconds);
        double phaseStart = 0;
        foreach (var phase in plan.Phases)
        {
            CurrentPhase = phase;
            double phaseEnd = phaseStart + phase.Duration.TotalSeconds;
            long phaseEndTimestamp = start + ToTicks(phaseEnd);
            if (phase.IsOpen)
                await RunOpenAsync(phaseEndTimestamp, stop).ConfigureAwait(false);
            else
                await RunClosedAsync(phase, start + ToTicks(phaseStart), phaseEndTimestamp, stop).ConfigureAwait(false);
            if (stop.IsCancellationRequested || StoppedEarly) break;
            phaseStart = phaseEnd;
        }

        StoppedAtSeconds = Math.Min(Seconds(time.GetTimestamp() - start), plan.Duration.TotalSeconds);
    }

    /// <summary>Waits until every operation has finished or the timeout passes; returns how many are still running.</summary>
    public async Task<int> DrainAsync(TimeSpan timeout)
    {
        long deadline = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (Recorder.InFlight > 0 && time.GetTimestamp() < deadline)
            await Task.Delay(TimeSpan.FromMilliseconds(5), time).ConfigureAwait(false);
        return Recorder.InFlight;
    }

    private async Task RunOpenAsync(long phaseEnd, CancellationToken stop)
    {
        int cursor = 0;
        try
        {
            while (true)
            {
                double? offset = Schedule.OffsetOf(sequence, ref cursor);
                if (offset is null) break;
                long intended = startTimestamp + ToTicks(offset.Value);
                if (intended >= phaseEnd) break;
                await pacer.WaitUntilAsync(intended, stop).ConfigureAwait(false);
                if (stop.IsCancellationRequested) return;
                long seq = sequence++;
                int op = picker.Pick(seq);
                bool warmup = intended < warmupEndTimestamp;
                if (!slots.Wait(0))
                {
                    if (plan.WhenFull == SaturationPolicy.Drop)
                    {
                        Recorder.OnDropped(op, warmup);
                        continue;
                    }

                    // Queue: the schedule keeps its absolute times, so this wait shows up as lateness.
                    // The wait ends with the scenario: arrivals still queued then were never started.
                    var untilEnd = time.GetElapsedTime(time.GetTimestamp(), scenarioEndTimestamp);
                    if (!await WaitForSlotAsync(untilEnd, stop).ConfigureAwait(false))
                    {
                        DropBacklog(seq, op, warmup);
                        return;
                    }
                }

                Launch(seq, op, intended, warmup, releaseSlot: true);
            }

            // Keep the timeline aligned: the phase lasts its full duration even after its last arrival.
            await pacer.WaitUntilAsync(phaseEnd, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task RunClosedAsync(LoadPhase phase, long phaseStart, long phaseEnd, CancellationToken stop)
    {
        (int from, int to) = phase switch
        {
            ConcurrencyPhase c => (c.Workers, c.Workers),
            RampConcurrencyPhase r => (r.From, r.To),
            _ => (0, 0),
        };
        double length = phase.Duration.TotalSeconds;
        int peak = Math.Max(from, to);
        var workers = new Task[peak];
        for (int i = 0; i < peak; i++)
        {
            var window = WorkerSchedule.ActiveWindow(from, to, length, i);
            workers[i] = window is { } w
                ? WorkerAsync(phaseStart + ToTicks(w.Start), Math.Min(phaseEnd, phaseStart + ToTicks(w.End)), stop)
                : Task.CompletedTask;
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        try
        {
            await pacer.WaitUntilAsync(phaseEnd, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task WorkerAsync(long activeFrom, long activeUntil, CancellationToken stop)
    {
        try
        {
            await Task.Yield();
            await pacer.WaitUntilAsync(activeFrom, stop).ConfigureAwait(false);
            while (!stop.IsCancellationRequested && time.GetTimestamp() < activeUntil)
            {
                long seq = Interlocked.Increment(ref sequence) - 1;
                int op = picker.Pick(seq);
                long now = time.GetTimestamp();
                // Closed model: the next operation is intended to start when the previous one ends.
                await RunOneAsync(seq, op, now, now < warmupEndTimestamp, releaseSlot: false).ConfigureAwait(false);
                if (plan.ThinkTime > TimeSpan.Zero)
                    await Task.Delay(plan.ThinkTime, time, stop).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits for an in-flight slot on the injected clock; false when the time ran out.</summary>
    private async Task<bool> WaitForSlotAsync(TimeSpan timeout, CancellationToken stop)
    {
        if (timeout <= TimeSpan.Zero) return false;
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, deadline.Token);
        try
        {
            await slots.WaitAsync(linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Counts the arrival that could not get a slot before the scenario ended, and every later arrival
    /// the schedule intended before the end, as dropped: the report must account for all of them.
    /// </summary>
    private void DropBacklog(long firstSeq, int firstOp, bool firstWarmup)
    {
        Recorder.OnDropped(firstOp, firstWarmup);
        long intendedTotal = Schedule.ArrivalCount;
        for (long seq = firstSeq + 1; seq < intendedTotal; seq++)
            Recorder.OnDropped(picker.Pick(seq), warmup: false);
        sequence = Math.Max(sequence, intendedTotal);
        StoppedEarly = true;
    }

    /// <summary>True when the queue backlog ran into the end of the scenario.</summary>
    public bool StoppedEarly { get; private set; }

    private long ToTicks(double seconds) => (long)Math.Round(seconds * time.TimestampFrequency);

    private double Seconds(long ticks) => ticks / (double)time.TimestampFrequency;

    private long Micros(long ticks) => (long)(ticks / ticksPerMicro);
}
