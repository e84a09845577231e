namespace LoadLab.Core.Keys;

/// <summary>One item receives a fixed fraction of the operations; the rest are uniform over all items.</summary>
public sealed class HotKeyKeys(KeyStream stream, long items, long hotIndex, double hotFraction) : IKeyDistribution
{
    public long Next(long sequence) =>
        stream.Unit(sequence, draw: 1) < hotFraction ? hotIndex : stream.Below(items, sequence);
}
