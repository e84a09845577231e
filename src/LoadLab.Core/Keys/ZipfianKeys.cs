using LoadLab.Core.Execution;

namespace LoadLab.Core.Keys;

/// <summary>
/// Popularity by rank: the item of rank k is chosen with probability ∝ k^−θ. Clustered puts the
/// popular items at the lowest indexes (one hot key range); scrambled spreads them over the key
/// space by hashing the rank, as YCSB does, so popularity is skewed but partitions share it.
/// </summary>
public sealed class ZipfianKeys(KeyStream stream, long items, double theta, bool scrambled) : IKeyDistribution
{
    private readonly ZipfSampler sampler = new(items, theta);

    public long Next(long sequence)
    {
        long rank = sampler.Sample(draw => stream.Unit(sequence, draw));
        return scrambled ? DeterministicHash.ToRange(DeterministicHash.Mix((ulong)rank), items) : rank - 1;
    }
}
