namespace LoadLab.Core.Keys;

/// <summary>One item receives a fixed fraction of the operations; the rest follow another distribution (uniform over all items by default).</summary>
public sealed class HotKeyKeys(KeyStream stream, long hotIndex, double hotFraction, IKeyDistribution cold) : IKeyDistribution
{
    public HotKeyKeys(KeyStream stream, long items, long hotIndex, double hotFraction)
        : this(stream, hotIndex, hotFraction, new UniformKeys(stream, items))
    {
    }

    public long Next(long sequence) =>
        stream.Unit(sequence, draw: 1) < hotFraction ? hotIndex : cold.Next(sequence);
}
