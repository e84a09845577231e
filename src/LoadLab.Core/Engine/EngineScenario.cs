using LoadLab.Core.Execution;
using LoadLab.Core.Plans;

namespace LoadLab.Core.Engine;

/// <summary>A scenario plan paired with the executor that carries out its operations.</summary>
public sealed record EngineScenario(ScenarioPlan Plan, IOperationExecutor Executor, string TableName);

/// <summary>Engine settings that are not part of a scenario.</summary>
public sealed record EngineOptions
{
    public long Seed { get; init; } = 42;

    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long in-flight operations may run after scheduling stops before they are cancelled.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called after each interval closes, on the sampler's thread. Keep it short.</summary>
    public Action<LiveSnapshot>? OnInterval { get; init; }
}

/// <summary>What the live view shows after each interval.</summary>
public sealed record LiveSnapshot(double ElapsedSeconds, double PlannedSeconds, IReadOnlyList<LiveScenario> Scenarios);

/// <param name="TargetRate">Open model: the schedule's rate now; closed model: 0.</param>
/// <param name="Interval">The interval just closed, as it goes into the scenario's series.</param>
/// <param name="Operations">The interval just closed per operation, with its latency histogram (live budget checks use it).</param>
/// <param name="Reach">Whether the target answered the operations that ended in the interval (the dead-target check uses it).</param>
public sealed record LiveScenario(
    string Name,
    string Phase,
    double TargetRate,
    double AchievedRate,
    double P50Ms,
    double P99Ms,
    long ThrottledTotal,
    long ErrorsTotal,
    long DroppedTotal,
    int InFlight,
    Results.ScenarioInterval? Interval = null,
    IReadOnlyList<LiveOperation>? Operations = null,
    IntervalReach Reach = default);

/// <summary>One operation's interval just closed.</summary>
public sealed record LiveOperation(string Name, Results.OperationInterval Interval);

/// <summary>The engine's raw output; the CLI adds run metadata to make a RunResult.</summary>
public sealed record EngineResult(
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    double DurationSeconds,
    bool Interrupted,
    IReadOnlyList<Results.ScenarioResult> Scenarios);
