using LoadLab.Core.Engine;
using LoadLab.Core.Plans;
using LoadLab.Core.Scheduling;

namespace LoadLab.Core.Simulation;

/// <summary>
/// One simulated run: the event queue, the scenarios' scheduling (this file) and their operations' attempts
/// (VirtualRun.Operations.cs). Times are the <see cref="VirtualClock"/>'s ticks. Single-threaded: events run one at
/// a time in (time, scheduling order) order.
/// </summary>
internal sealed partial class VirtualRun
{
    // Cancellation is a wall-clock request (Ctrl+C): looking every few thousand events is soon enough.
    private const int StopCheckMask = 4095;

    private readonly VirtualScenario[] scenarios;
    private readonly SimulationOptions options;
    private readonly VirtualClock clock;
    private readonly IRetryPolicy retry;
    private readonly IServiceTimeModel serviceTime;
    private readonly Random random;
    private readonly PriorityQueue<VirtualEvent, VirtualEventKey> queue = new();
    private readonly IntervalSampler sampler;
    private readonly long origin;
    private long order;
    private long now;
    private int finishedScenarios;
    private long drainDeadline = long.MaxValue;
    private bool stopping;

    public VirtualRun(IReadOnlyList<SimulatedScenario> scenarios, SimulationOptions options, VirtualClock clock)
    {
        this.options = options;
        this.clock = clock;
        retry = options.Retry;
        serviceTime = options.ServiceTime;
        random = new Random(unchecked((int)(options.Seed ^ (options.Seed >> 32))));
        origin = clock.GetTimestamp();
        now = origin;
        this.scenarios = new VirtualScenario[scenarios.Count];
        for (int i = 0; i < scenarios.Count; i++)
            this.scenarios[i] = new VirtualScenario(scenarios[i], options.Seed, origin);
        sampler = new IntervalSampler(this.scenarios, clock, origin, options.Interval, options.OnInterval);
        operations = new OperationSlot[Math.Max(16, scenarios.Count * 16)];
        freeSlots = new int[operations.Length];
        for (int i = operations.Length - 1; i >= 0; i--)
            freeSlots[freeCount++] = i;
    }

    public EngineResult Run(CancellationToken stop)
    {
        var startedAt = clock.GetUtcNow();
        for (int s = 0; s < scenarios.Length; s++)
            StartPhase(s);

        long processed = 0;
        while (finishedScenarios < scenarios.Length || inFlight > 0)
        {
            if (!stopping && (processed++ & StopCheckMask) == 0 && stop.IsCancellationRequested)
                BeginStopping();
            if (!queue.TryPeek(out var next, out var key))
                break;
            // Past the drain's end the stragglers are cancelled, as the real engine does once its drain times out.
            bool drainOver = key.Ticks > drainDeadline;
            CloseIntervalsUpTo(drainOver ? drainDeadline : key.Ticks);
            if (drainOver)
            {
                MoveTo(drainDeadline);
                CancelInFlight();
                break;
            }

            queue.Dequeue();
            MoveTo(key.Ticks);
            Dispatch(next);
        }

        bool interrupted = stopping;
        if (inFlight > 0)
            CancelInFlight();

        options.OnIntervalClosing?.Invoke();
        sampler.CloseFinalInterval();
        double duration = TimeSpan.FromTicks(now - origin).TotalSeconds;
        var results = new Results.ScenarioResult[scenarios.Length];
        for (int s = 0; s < scenarios.Length; s++)
        {
            var scenario = scenarios[s];
            results[s] = ScenarioResultBuilder.Build(scenario.Plan, scenario.Recorder, scenario.Schedule, scenario.StoppedAtSeconds, scenario.TableName);
        }

        return new EngineResult(startedAt, clock.GetUtcNow(), Math.Round(duration, 3), interrupted, results);
    }

    /// <summary>Closes every interval that ends at or before <paramref name="until"/>: an event at a boundary belongs to the next interval.</summary>
    private void CloseIntervalsUpTo(long until)
    {
        while (sampler.NextBoundary <= until)
        {
            MoveTo(sampler.NextBoundary);
            options.OnIntervalClosing?.Invoke();
            sampler.CloseNextInterval();
        }
    }

    private void MoveTo(long ticks)
    {
        if (ticks <= now) return;
        now = ticks;
        clock.AdvanceTo(TimeSpan.FromTicks(ticks));
    }

    private void Enqueue(VirtualEventKind kind, int scenario, int index, long at) =>
        queue.Enqueue(new VirtualEvent(kind, scenario, index), new VirtualEventKey(Math.Max(at, now), order++));

    /// <summary>
    /// Ctrl+C: nothing new starts (arrivals, queued arrivals, workers' next operations, later phases), and what is in
    /// flight finishes on virtual time within the drain timeout, as the real engine drains (docs/architecture.md §5).
    /// </summary>
    private void BeginStopping()
    {
        stopping = true;
        for (int s = 0; s < scenarios.Length; s++)
        {
            scenarios[s].Waiting = false;
            FinishScheduling(s);
        }
    }

    private void Dispatch(VirtualEvent e)
    {
        if (stopping && e.Kind is VirtualEventKind.Arrival or VirtualEventKind.WorkerWake or VirtualEventKind.PhaseDone or VirtualEventKind.ScenarioEnd)
            return;
        switch (e.Kind)
        {
            case VirtualEventKind.Answer: Answered(e.Index); break;
            case VirtualEventKind.Arrival: Arrive(e.Scenario); break;
            case VirtualEventKind.WorkerWake: WorkerWake(e.Scenario, e.Index); break;
            case VirtualEventKind.Send: Send(e.Index); break;
            case VirtualEventKind.RetryDue: BeginAttempt(e.Index); break;
            case VirtualEventKind.PhaseDone: PhaseDone(e.Scenario); break;
            case VirtualEventKind.ScenarioEnd: ScenarioEnd(e.Scenario); break;
        }
    }

    private void StartPhase(int s)
    {
        var scenario = scenarios[s];
        var phases = scenario.Plan.Phases;
        if (scenario.PhaseIndex >= phases.Count)
        {
            FinishScheduling(s);
            return;
        }

        var phase = phases[scenario.PhaseIndex];
        scenario.CurrentPhase = phase;
        double phaseEnd = scenario.PhaseStartSeconds + phase.Duration.TotalSeconds;
        scenario.PhaseStart = origin + VirtualEngine.ToTicks(scenario.PhaseStartSeconds);
        scenario.PhaseEnd = origin + VirtualEngine.ToTicks(phaseEnd);
        if (phase.IsOpen)
        {
            scenario.Cursor = 0;
            ScheduleNextArrival(s);
        }
        else
        {
            StartWorkers(s, phase);
        }
    }

    private void PhaseDone(int s)
    {
        var scenario = scenarios[s];
        if (scenario.StoppedEarly)
        {
            FinishScheduling(s);
            return;
        }

        scenario.PhaseStartSeconds += scenario.Plan.Phases[scenario.PhaseIndex].Duration.TotalSeconds;
        scenario.PhaseIndex++;
        StartPhase(s);
    }

    private void FinishScheduling(int s)
    {
        var scenario = scenarios[s];
        if (scenario.Finished) return;
        scenario.Finished = true;
        scenario.StoppedAtSeconds = Math.Min(TimeSpan.FromTicks(now - origin).TotalSeconds, scenario.Plan.Duration.TotalSeconds);
        if (++finishedScenarios == scenarios.Length)
            drainDeadline = now + options.DrainTimeout.Ticks;
    }

    /// <summary>Open model: the arrival after the last one, or the phase's end when the schedule has none left in it.</summary>
    private void ScheduleNextArrival(int s)
    {
        var scenario = scenarios[s];
        double? offset = scenario.Schedule.OffsetOf(scenario.Sequence, ref scenario.Cursor);
        long intended = offset is { } o ? origin + VirtualEngine.ToTicks(o) : long.MaxValue;
        if (intended >= scenario.PhaseEnd)
        {
            // The phase lasts its full duration even after its last arrival.
            Enqueue(VirtualEventKind.PhaseDone, s, 0, scenario.PhaseEnd);
            return;
        }

        scenario.NextIntended = intended;
        Enqueue(VirtualEventKind.Arrival, s, 0, intended);
    }

    private void Arrive(int s)
    {
        var scenario = scenarios[s];
        long intended = scenario.NextIntended;
        long seq = scenario.Sequence++;
        int op = scenario.Picker.Pick(seq);
        bool warmup = intended < scenario.WarmupEnd;
        if (scenario.FreeSlots == 0)
        {
            if (scenario.Plan.WhenFull == SaturationPolicy.Drop)
            {
                scenario.Recorder.OnDropped(op, warmup);
                ScheduleNextArrival(s);
                return;
            }

            // Queue: the schedule keeps its absolute times, so the wait shows up as lateness; it ends with the scenario.
            if (now >= scenario.End)
            {
                DropBacklog(s, seq, op, warmup);
                return;
            }

            scenario.Waiting = true;
            scenario.WaitingSequence = seq;
            scenario.WaitingOperation = op;
            scenario.WaitingIntended = intended;
            scenario.WaitingWarmup = warmup;
            if (!scenario.EndScheduled)
            {
                scenario.EndScheduled = true;
                Enqueue(VirtualEventKind.ScenarioEnd, s, 0, scenario.End);
            }

            return;
        }

        scenario.FreeSlots--;
        Launch(s, seq, op, intended, warmup, worker: -1);
        ScheduleNextArrival(s);
    }

    /// <summary>An open-model operation ended: its slot goes to the arrival waiting for one, if any.</summary>
    private void ReleaseSlot(int s)
    {
        var scenario = scenarios[s];
        scenario.FreeSlots++;
        if (!scenario.Waiting) return;
        scenario.Waiting = false;
        scenario.FreeSlots--;
        Launch(s, scenario.WaitingSequence, scenario.WaitingOperation, scenario.WaitingIntended, scenario.WaitingWarmup, worker: -1);
        ScheduleNextArrival(s);
    }

    private void ScenarioEnd(int s)
    {
        var scenario = scenarios[s];
        scenario.EndScheduled = false;
        if (!scenario.Waiting || scenario.Finished) return;
        scenario.Waiting = false;
        DropBacklog(s, scenario.WaitingSequence, scenario.WaitingOperation, scenario.WaitingWarmup);
    }

    /// <summary>
    /// Counts the arrival that could not get a slot before the scenario ended, and every later arrival the schedule
    /// intended, as dropped (as the real runner does), and ends the scenario's scheduling.
    /// </summary>
    private void DropBacklog(int s, long firstSeq, int firstOp, bool firstWarmup)
    {
        var scenario = scenarios[s];
        scenario.Recorder.OnDropped(firstOp, firstWarmup);
        long intendedTotal = scenario.Schedule.ArrivalCount;
        for (long seq = firstSeq + 1; seq < intendedTotal; seq++)
            scenario.Recorder.OnDropped(scenario.Picker.Pick(seq), warmup: false);
        scenario.Sequence = Math.Max(scenario.Sequence, intendedTotal);
        scenario.StoppedEarly = true;
        FinishScheduling(s);
    }

    private void StartWorkers(int s, LoadPhase phase)
    {
        var scenario = scenarios[s];
        (int from, int to) = phase switch
        {
            ConcurrencyPhase c => (c.Workers, c.Workers),
            RampConcurrencyPhase r => (r.From, r.To),
            _ => (0, 0),
        };
        double length = phase.Duration.TotalSeconds;
        int peak = Math.Max(from, to);
        if (scenario.WorkerUntil.Length < peak)
            scenario.WorkerUntil = new long[peak];
        scenario.ActiveWorkers = 0;
        for (int i = 0; i < peak; i++)
        {
            if (WorkerSchedule.ActiveWindow(from, to, length, i) is not { } window) continue;
            scenario.WorkerUntil[i] = Math.Min(scenario.PhaseEnd, scenario.PhaseStart + VirtualEngine.ToTicks(window.End));
            scenario.ActiveWorkers++;
            Enqueue(VirtualEventKind.WorkerWake, s, i, scenario.PhaseStart + VirtualEngine.ToTicks(window.Start));
        }

        if (scenario.ActiveWorkers == 0)
            Enqueue(VirtualEventKind.PhaseDone, s, 0, scenario.PhaseEnd);
    }

    /// <summary>Closed model: the worker starts its next operation, intended now, or stops once its window has closed.</summary>
    private void WorkerWake(int s, int worker)
    {
        if (stopping)
            return;
        var scenario = scenarios[s];
        if (now < scenario.WorkerUntil[worker])
        {
            long seq = scenario.Sequence++;
            Launch(s, seq, scenario.Picker.Pick(seq), now, now < scenario.WarmupEnd, worker);
            return;
        }

        // The phase ends when its time is up and its workers' last operations have ended.
        if (--scenario.ActiveWorkers == 0)
            Enqueue(VirtualEventKind.PhaseDone, s, 0, scenario.PhaseEnd);
    }
}
