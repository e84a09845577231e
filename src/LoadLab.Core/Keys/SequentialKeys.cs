namespace LoadLab.Core.Keys;

/// <summary>Items in order, wrapping around: arrival k targets item k mod count (scans of the key space, warm-ups).</summary>
public sealed class SequentialKeys(long items) : IKeyDistribution
{
    public long Next(long sequence) => sequence % items;
}
