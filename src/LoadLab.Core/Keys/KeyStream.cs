using LoadLab.Core.Execution;

namespace LoadLab.Core.Keys;

/// <summary>
/// Uniform random numbers for one scenario's key choice, derived from (seed, scenario, sequence,
/// draw). Several draws per arrival (rejection sampling, hot/cold choice) stay independent.
/// </summary>
public readonly struct KeyStream(long seed, string scenarioName)
{
    private readonly long seed = seed;
    private readonly long stream = unchecked((long)DeterministicHash.Of("keys:" + scenarioName));

    /// <summary>A double in [0, 1).</summary>
    public double Unit(long sequence, int draw = 0) =>
        DeterministicHash.ToUnit(DeterministicHash.Of(seed, stream ^ draw, sequence));

    /// <summary>An integer in [0, count).</summary>
    public long Below(long count, long sequence, int draw = 0) =>
        DeterministicHash.ToRange(DeterministicHash.Of(seed, stream ^ draw, sequence), count);
}
