namespace LoadLab.Core.Keys;

/// <summary>
/// Picks the index of the item an operation targets, in [0, item count). Deterministic: the same
/// (seed, scenario, sequence) always gives the same index, whichever worker runs it and whenever.
/// </summary>
public interface IKeyDistribution
{
    /// <summary>Index for arrival <paramref name="sequence"/> of the scenario.</summary>
    long Next(long sequence);
}
