using LoadLab.Core.Engine;
using LoadLab.Core.Plans;

namespace LoadLab.Core.Simulation;

/// <summary>A scenario plan paired with the simulated executor that carries out its attempts (the virtual twin of <see cref="EngineScenario"/>).</summary>
public sealed record SimulatedScenario(ScenarioPlan Plan, ISimulatedExecutor Executor, string TableName);

/// <summary>Settings of one simulated run that are not part of a scenario.</summary>
public sealed record SimulationOptions
{
    /// <summary>Picks the operations (as a real run with the same seed does) and seeds the one random source of service times and jitter.</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Length of a statistics interval, in virtual time.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The retry behaviour of the run's one client: a real run has one SDK client shared by every scenario, so its
    /// retry quota and adaptive rate are shared too.
    /// </summary>
    public required IRetryPolicy Retry { get; init; }

    /// <summary>How long DynamoDB takes to answer an attempt.</summary>
    public required IServiceTimeModel ServiceTime { get; init; }

    /// <summary>Virtual time in-flight operations may take to finish after scheduling stops before they are cancelled (as <see cref="EngineOptions.DrainTimeout"/>).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Called after each interval closes, as <see cref="EngineOptions.OnInterval"/>.</summary>
    public Action<LiveSnapshot>? OnInterval { get; init; }

    /// <summary>
    /// Called at each interval boundary (and at the end, before the final partial interval) with the clock showing
    /// the boundary, before the interval closes: the capacity model's per-interval bookkeeping goes here.
    /// </summary>
    public Action? OnIntervalClosing { get; init; }

    /// <summary>Throws a clear error for settings no run can use.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Retry);
        ArgumentNullException.ThrowIfNull(ServiceTime);
        if (Interval <= TimeSpan.Zero)
            throw new ArgumentException($"The statistics interval must be positive (got {Interval}).", nameof(Interval));
        if (DrainTimeout < TimeSpan.Zero)
            throw new ArgumentException($"The drain timeout cannot be negative (got {DrainTimeout}).", nameof(DrainTimeout));
    }
}
