namespace LoadLab.Cli.Suites;

/// <summary>
/// The keys a suite may use, one list per place. The binders accept exactly these, and a unit test
/// checks them against <c>scenarios/suite.schema.json</c> so editor completion never drifts from the loader.
/// </summary>
public static class SuiteKeys
{
    public static IReadOnlyList<string> Root { get; } = ["name", "description", "environment", "seed", "tables", "data", "scenarios"];

    public static IReadOnlyList<string> Table { get; } = ["name", "key", "capacity"];

    public static IReadOnlyList<string> Capacity { get; } = ["mode", "read", "write"];

    public static IReadOnlyList<string> DataSet { get; } = ["model", "items", "seed"];

    public static IReadOnlyList<string> Scenario { get; } =
        ["name", "table", "mix", "keys", "maxInFlight", "whenFull", "warmup", "thinkTime", "load"];

    public static IReadOnlyList<string> KeyDistribution { get; } = ["distribution"];

    /// <summary>Keys of a <c>{ rate: …, for: … }</c> phase.</summary>
    public static IReadOnlyList<string> RatePhase { get; } = ["rate", "for"];

    public static IReadOnlyList<string> RampPhase { get; } = ["ramp"];

    public static IReadOnlyList<string> PausePhase { get; } = ["pause"];

    public static IReadOnlyList<string> ConcurrencyPhase { get; } = ["concurrency", "for"];

    public static IReadOnlyList<string> RampConcurrencyPhase { get; } = ["rampConcurrency"];

    /// <summary>Keys inside <c>ramp: { … }</c>.</summary>
    public static IReadOnlyList<string> Ramp { get; } = ["from", "to", "over"];

    /// <summary>Keys inside <c>rampConcurrency: { … }</c>.</summary>
    public static IReadOnlyList<string> RampConcurrency { get; } = ["from", "to", "over"];

    /// <summary>The key that tells which kind a load phase is, in the order the error messages list them.</summary>
    public static IReadOnlyList<string> PhaseKinds { get; } = ["rate", "ramp", "pause", "concurrency", "rampConcurrency"];
}
