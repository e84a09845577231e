using LoadLab.Core.Engine;
using LoadLab.Core.Execution;
using LoadLab.Core.Plans;
using LoadLab.Core.Recording;
using LoadLab.Core.Scheduling;

namespace LoadLab.Core.Simulation;

/// <summary>
/// One scenario's scheduling state on virtual time: where it is in its phases, its next arrival, its free in-flight
/// slots and its closed-model workers. The virtual engine moves it from event to event; it records into the same
/// <see cref="ScenarioRecorder"/> as a real run.
/// </summary>
internal sealed class VirtualScenario : IScenarioProgress
{
    public VirtualScenario(SimulatedScenario scenario, long seed, long origin)
    {
        Plan = scenario.Plan;
        Executor = scenario.Executor;
        TableName = scenario.TableName;
        Picker = new OperationPicker(Plan.Mix, seed, Plan.Name);
        Schedule = new ArrivalSchedule(Plan.Phases);
        // The virtual engine records and samples on one thread.
        Recorder = new ScenarioRecorder(Plan.Mix.Select(m => m.Operation).ToArray(), singleWriter: true);
        CurrentPhase = Plan.Phases.Count > 0 ? Plan.Phases[0] : null;
        FreeSlots = Plan.MaxInFlight;
        WarmupEnd = origin + VirtualEngine.ToTicks(Plan.Warmup.TotalSeconds);
        End = origin + VirtualEngine.ToTicks(Plan.Duration.TotalSeconds);
        ThinkTicks = Plan.ThinkTime.Ticks;
        Kinds = Plan.Mix.Select(m => m.Kind).ToArray();
    }

    /// <summary>The kind of each operation of the mix, by index (the service time depends on it).</summary>
    public OperationKind[] Kinds { get; }

    public ScenarioPlan Plan { get; }

    public ISimulatedExecutor Executor { get; }

    public string TableName { get; }

    public OperationPicker Picker { get; }

    public ArrivalSchedule Schedule { get; }

    public ScenarioRecorder Recorder { get; }

    public LoadPhase? CurrentPhase { get; set; }

    /// <summary>Operations intended before this moment run but stay out of the figures.</summary>
    public long WarmupEnd { get; }

    /// <summary>The scenario's planned end: a queued arrival waits for a slot until then.</summary>
    public long End { get; }

    public long ThinkTicks { get; }

    /// <summary>Index of the phase running now.</summary>
    public int PhaseIndex;

    /// <summary>Planned start of the phase running now, in seconds from the start (as the real runner adds them up).</summary>
    public double PhaseStartSeconds;

    public long PhaseStart;

    public long PhaseEnd;

    /// <summary>The arrival schedule's segment cursor within the open phase running now.</summary>
    public int Cursor;

    /// <summary>The next sequence number (arrivals and closed-model operations share it, as in a real run).</summary>
    public long Sequence;

    /// <summary>Intended start of the arrival the pending Arrival event stands for.</summary>
    public long NextIntended;

    /// <summary>Open model: in-flight slots free (MaxInFlight at most).</summary>
    public int FreeSlots;

    /// <summary>Queue policy: an arrival is waiting for a slot, and the arrivals after it wait behind it.</summary>
    public bool Waiting;

    public long WaitingSequence;

    public int WaitingOperation;

    public long WaitingIntended;

    public bool WaitingWarmup;

    /// <summary>A ScenarioEnd event is in the queue already.</summary>
    public bool EndScheduled;

    /// <summary>Closed model: the moment each worker of the phase running now stops starting operations.</summary>
    public long[] WorkerUntil = [];

    /// <summary>Closed model: workers of the phase running now that have not finished.</summary>
    public int ActiveWorkers;

    /// <summary>Scheduling is over (in-flight operations may still run).</summary>
    public bool Finished;

    /// <summary>True when the queue backlog ran into the end of the scenario.</summary>
    public bool StoppedEarly;

    /// <summary>Seconds from the start at which scheduling stopped.</summary>
    public double StoppedAtSeconds;
}
