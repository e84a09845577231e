namespace LoadLab.Core.Keys;

/// <summary>Every item equally likely.</summary>
public sealed class UniformKeys(KeyStream stream, long items) : IKeyDistribution
{
    public long Next(long sequence) => stream.Below(items, sequence);
}
