namespace LoadLab.Core.Results;

/// <summary>
/// What the capacity simulator saw during a local run: the preset and parameters in force, and per
/// table and GSI the consumed against available capacity each second, throttles by reason,
/// partition splits, scaling events and the most throttled partition keys (as hashes, never key values).
/// Every figure covers the measured <see cref="Window"/> only; what came before it (table creation,
/// seeding, warm-up) is in <see cref="Seeding"/>, never mixed in.
/// </summary>
public sealed record SimulatorSection
{
    public required string Preset { get; init; }

    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<SimulatorResource> Resources { get; init; } = [];

    /// <summary>Logical calls, HTTP attempts and throttled attempts the proxy counted from the SDK's retry headers.</summary>
    public SimulatorRequests? Requests { get; init; }

    /// <summary>Estimated cost of the window's traffic in the table's own mode and in the other mode.</summary>
    public IReadOnlyList<SimulatorCost> Cost { get; init; } = [];

    /// <summary>The faults the simulator injected to rehearse retries (<c>simulator.faults</c>); null when none were configured.</summary>
    public SimulatorFaults? Faults { get; init; }

    /// <summary>The time the figures cover; null in files written before the window existed (their figures include seeding).</summary>
    public SimulatorWindow? Window { get; init; }

    /// <summary>Traffic outside the window, per table or GSI and phase: seeding, warm-up, and after the load.</summary>
    public IReadOnlyList<SimulatorPhase> Seeding { get; init; } = [];
}

/// <summary>
/// The measured window on the simulator's whole-second grid. Times are seconds since
/// <see cref="LoadStartedAt"/>, the first scheduled operation (the time base of every series of the run).
/// </summary>
/// <param name="From">The end of warm-up (the latest scenario's), where measuring starts.</param>
/// <param name="To">The end of the run: the last scheduled operation and the drain of those still in flight.</param>
/// <param name="Rule">How a simulator second is assigned to the window, in words.</param>
public sealed record SimulatorWindow(DateTimeOffset LoadStartedAt, double From, double To, string Rule);

/// <summary>A table's or GSI's traffic in one phase outside the measured window.</summary>
/// <param name="Phase"><c>seeding</c> (before the load: table creation and seeding), <c>warm-up</c> or <c>after</c> (after the run's end).</param>
/// <param name="Seconds">Simulator seconds assigned to the phase.</param>
public sealed record SimulatorPhase(
    string Table,
    string? Index,
    string Phase,
    double Seconds,
    double ConsumedReadUnits,
    double ConsumedWriteUnits,
    long ThrottledRequests,
    IReadOnlyDictionary<string, long> ThrottleEventsByReason);

/// <summary>
/// Faults the simulator injected: counted here, apart from every real outcome, so nobody mistakes them for failures of
/// the target. Each injected failure also reached the client (as DynamoDB's error, or a reset connection) and shows in
/// the operations' figures as the client saw it; an operation's <c>injectedAttempts</c> and <c>injectedFailures</c> say how many.
/// </summary>
/// <param name="Settings">The faults as configured (name → text, e.g. <c>faults.internalServerError.rate</c> → <c>2%</c>).</param>
/// <param name="Requests">Data-plane requests the simulator saw while faults were on (from the load's start).</param>
/// <param name="Injected">Requests that got each kind of fault: internalServerError, serviceUnavailable, requestLimitExceeded, connectionReset, latency.</param>
public sealed record SimulatorFaults(IReadOnlyDictionary<string, string> Settings, long Requests, IReadOnlyDictionary<string, long> Injected);

/// <summary>One capacity resource: a table (Index null) or one of its GSIs.</summary>
public sealed record SimulatorResource
{
    public required string Table { get; init; }

    public string? Index { get; init; }

    /// <summary>provisioned or on-demand.</summary>
    public required string Mode { get; init; }

    public double ProvisionedReadUnits { get; init; }

    public double ProvisionedWriteUnits { get; init; }

    public double ConsumedReadUnits { get; init; }

    public double ConsumedWriteUnits { get; init; }

    public long ThrottledRequests { get; init; }

    public IReadOnlyDictionary<string, long> ThrottleEventsByReason { get; init; } = new Dictionary<string, long>();

    public int PartitionCount { get; init; }

    public IReadOnlyList<SimulatorSecond> Seconds { get; init; } = [];

    public IReadOnlyList<SimulatorEvent> Events { get; init; } = [];

    /// <summary>Partition keys throttled most in the window (hashed; the sort key is left out because it does not spread load).</summary>
    public IReadOnlyList<SimulatorKey> TopThrottledKeys { get; init; } = [];

    /// <summary>A partition's (and so a single key's) limit in read units per second: 3,000 in DynamoDB.</summary>
    public double PartitionLimitReadUnits { get; init; }

    /// <summary>A partition's (and so a single key's) limit in write units per second: 1,000 in DynamoDB.</summary>
    public double PartitionLimitWriteUnits { get; init; }

    /// <summary>The auto scaling policy on the read units at the end of the run (from the suite or the admin endpoint), or null.</summary>
    public SimulatorAutoScaling? ReadAutoScaling { get; init; }

    public SimulatorAutoScaling? WriteAutoScaling { get; init; }
}

/// <summary>Target tracking of one dimension: utilisation target in percent, units between min and max.</summary>
public sealed record SimulatorAutoScaling(double TargetPercent, double MinUnits, double MaxUnits);

/// <param name="Offset">Seconds since the load started (<see cref="SimulatorWindow.LoadStartedAt"/>); in files without a window, since the simulator started.</param>
/// <param name="CapacityRead">Units per second available: provisioned, or the on-demand ceiling.</param>
/// <param name="HotPartitionRead">Read units the busiest partition consumed in the second (the worst second when merged).</param>
/// <param name="PartitionShares">Each partition's use of the per-partition limit (1 = at it), key order; null when idle.</param>
/// <param name="ThrottledKeys">Partition keys throttled most in the second; null when none.</param>
public sealed record SimulatorSecond(
    double Offset,
    int Length,
    double ConsumedRead,
    double ConsumedWrite,
    double CapacityRead,
    double CapacityWrite,
    long ThrottledRequests,
    IReadOnlyDictionary<string, long>? ThrottleEventsByReason,
    double BurstRead,
    double BurstWrite,
    int Partitions,
    double HotPartitionRead = 0,
    double HotPartitionWrite = 0,
    IReadOnlyList<double>? PartitionShares = null,
    IReadOnlyList<SimulatorKey>? ThrottledKeys = null);

/// <summary>A partition split or a capacity change, e.g. kind "split:heat" 4 → 5, or "auto-scaling-applied" 100 → 286.</summary>
public sealed record SimulatorEvent(double Offset, string Kind, string? Dimension, double From, double To);

/// <param name="KeyHash">A short hash of the partition key; the key itself may be personal data.</param>
public sealed record SimulatorKey(string KeyHash, long ThrottleEvents);

public sealed record SimulatorRequests(long LogicalCalls, long Attempts, long ThrottledAttempts);

/// <param name="OwnModeUsd">Cost of the traffic in the table's mode.</param>
/// <param name="OtherModeUsd">What the same traffic would cost in the other mode.</param>
public sealed record SimulatorCost(string Table, string? Index, string Mode, double OwnModeUsd, string OtherMode, double OtherModeUsd, double StorageUsd);
