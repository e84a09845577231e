using LoadLab.Core.Execution;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// Picks item indexes uniformly from [0, items) as a pure function of (run seed, scenario, sequence): no shared Random,
/// no lock, and the same run seed gives the same keys in the same order on any number of threads.
/// </summary>
public sealed class UniformIndexPicker
{
    private readonly long streamSeed;
    private readonly long items;

    public UniformIndexPicker(long runSeed, string scenarioName, long items)
    {
        ArgumentNullException.ThrowIfNull(scenarioName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        // Scenarios of one run get independent streams; the name is hashed once, not per request.
        streamSeed = unchecked((long)DeterministicHash.Of(runSeed, (long)DeterministicHash.Of(scenarioName)));
        this.items = items;
    }

    public long Pick(long sequence) => DeterministicHash.ToRange(DeterministicHash.Of(streamSeed, sequence), items);
}
