namespace LoadLab.Core.Plans;

/// <summary>One stream of load: which operations in which proportions, on which table, with which shape over time.</summary>
public sealed record ScenarioPlan
{
    public required string Name { get; init; }

    /// <summary>Id of the table (the key under <c>tables:</c> in the suite) the scenario targets.</summary>
    public required string TableId { get; init; }

    /// <summary>Operations and their relative weights; the engine draws one per arrival.</summary>
    public required IReadOnlyList<OperationWeight> Mix { get; init; }

    /// <summary>How an operation picks the item it targets.</summary>
    public KeyDistributionPlan Keys { get; init; } = KeyDistributionPlan.Uniform;

    /// <summary>Phases run one after another from the scenario's start.</summary>
    public required IReadOnlyList<LoadPhase> Phases { get; init; }

    /// <summary>Operations in flight at most. Default 256.</summary>
    public int MaxInFlight { get; init; } = ScenarioDefaults.MaxInFlight;

    /// <summary>What an open-model arrival does when <see cref="MaxInFlight"/> operations are already in flight.</summary>
    public SaturationPolicy WhenFull { get; init; } = SaturationPolicy.Queue;

    /// <summary>Leading part of the scenario whose operations run but are left out of the statistics.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.Zero;

    /// <summary>Pause each closed-model worker takes between two operations.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.Zero;

    public TimeSpan Duration => Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);
}

/// <summary>Defaults stated once.</summary>
public static class ScenarioDefaults
{
    public const int MaxInFlight = 256;
    public const int MaxInFlightLimit = 100_000;
}

/// <summary>Behaviour at the in-flight bound.</summary>
public enum SaturationPolicy
{
    /// <summary>Wait for a slot: the schedule keeps its absolute times, so start lateness grows and is reported.</summary>
    Queue,

    /// <summary>Skip the arrival and count it as dropped.</summary>
    Drop,
}

/// <summary>An operation name (get, put, …) and its weight in the mix.</summary>
public sealed record OperationWeight(OperationKind Kind, double Weight)
{
    /// <summary>The operation's name as suites and results write it (<c>get</c>, <c>batchWrite</c>, …).</summary>
    public string Operation => OperationKinds.Name(Kind);

    /// <summary>How the operation is carried out (consistency, conditions, query shape, batch size, …); defaults when left out.</summary>
    public OperationOptions Options { get; init; } = OperationOptions.None;

    /// <summary>Changes nothing (prod safety): a read kind, or a <c>statement</c> whose text is a SELECT.</summary>
    public bool IsRead => Kind == OperationKind.Statement ? Options.Statement?.IsRead == true : OperationKinds.IsRead(Kind);
}

/// <summary>
/// How an operation picks the item it targets (see <c>LoadLab.Core.Keys</c>). Parameters that do not
/// apply to <see cref="Kind"/> are ignored.
/// </summary>
/// <param name="Kind">uniform, zipfian, hotspot, hotkey, latest or sequential.</param>
/// <param name="Theta">Zipfian and latest: the exponent (0.99 is YCSB's default; higher = more skewed).</param>
/// <param name="Scrambled">Zipfian: spread the popular items over the key space (true) or keep them at the lowest indexes (false).</param>
/// <param name="HotSetFraction">Hotspot: fraction of the items that are hot.</param>
/// <param name="HotOperationFraction">Hotspot: fraction of operations that go to the hot items. Hot key: fraction going to the one hot item.</param>
/// <param name="HotKeyIndex">Hot key: which item is hot.</param>
public sealed record KeyDistributionPlan(
    string Kind,
    double Theta = 0.99,
    bool Scrambled = true,
    double HotSetFraction = 0.2,
    double HotOperationFraction = 0.8,
    long HotKeyIndex = 0)
{
    public static readonly KeyDistributionPlan Uniform = new("uniform");
}
