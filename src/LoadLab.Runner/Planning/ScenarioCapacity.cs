using LoadLab.Core.Plans;

namespace LoadLab.Runner.Planning;

/// <summary>Capacity a scenario should consume: per operation on average, and per second in each phase.</summary>
/// <param name="ReadUnitsPerOperation">Mean read units of one operation of the mix, by what they draw on: "" for the table, else a global index name.</param>
/// <param name="WriteUnitsPerOperation">Mean write units of one operation of the mix (table only; index write amplification is not counted).</param>
public sealed record ScenarioCapacity(
    string Scenario,
    IReadOnlyDictionary<string, double> ReadUnitsPerOperation,
    double WriteUnitsPerOperation,
    IReadOnlyList<PhaseCapacity> Phases,
    IReadOnlyList<string> Warnings)
{
    public const string Table = "";

    public double TableReadUnitsPerOperation => ReadUnitsPerOperation.GetValueOrDefault(Table);
}

/// <summary>
/// One phase's expected consumption at its peak rate. <see cref="PeakRate"/> is null for closed-model phases, whose
/// rate depends on the target's latency.
/// </summary>
public sealed record PhaseCapacity(LoadPhase Phase, double? PeakRate, double ReadUnitsPerSecond, double WriteUnitsPerSecond);
