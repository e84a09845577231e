namespace LoadLab.Core.Results;

/// <summary>What one scenario did, warm-up excluded unless stated.</summary>
public sealed record ScenarioResult
{
    public required string Name { get; init; }

    public required string Table { get; init; }

    /// <summary>Load phases as run (after duration scaling), described.</summary>
    public required IReadOnlyList<string> Phases { get; init; }

    public required int MaxInFlight { get; init; }

    public required string WhenFull { get; init; }

    /// <summary>Seconds of the scenario that ran (less than planned when interrupted).</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>Open-model arrivals the plan asked for over the time that ran, warm-up excluded.</summary>
    public required double TargetOperations { get; init; }

    /// <summary>Completed operations per second of the measured window (<see cref="Throughput.Achieved(ScenarioResult)"/>).</summary>
    public required double AchievedOpsPerSecond { get; init; }

    /// <summary>The measured window's length: from the end of warm-up to the last scheduled operation.</summary>
    public double MeasuredSeconds => Throughput.MeasuredSeconds(this);

    /// <summary>Arrivals after warm-up: operations started, dropped or cancelled.</summary>
    public required long Scheduled { get; init; }

    public required long Dropped { get; init; }

    public required long Cancelled { get; init; }

    public required WarmupCounts Warmup { get; init; }

    /// <summary>How late operations started compared with their intended start (open model).</summary>
    public required LatencySummary StartLateness { get; init; }

    public required IReadOnlyList<OperationResult> Operations { get; init; }

    /// <summary>One point per interval: target and achieved rate, lateness, in-flight.</summary>
    public required IReadOnlyList<ScenarioInterval> Series { get; init; }
}

public sealed record WarmupCounts(double Seconds, long Scheduled, long Completed);

/// <param name="Start">Seconds from the run's start.</param>
/// <param name="TargetOps">Arrivals the open-model schedule asked for in this interval.</param>
/// <param name="Started">Operations started in this interval.</param>
public sealed record ScenarioInterval(
    double Start,
    double Length,
    string Phase,
    double TargetOps,
    long Started,
    long Completed,
    long Dropped,
    double LatenessP99Ms,
    int InFlight);
