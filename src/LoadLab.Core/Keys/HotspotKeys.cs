namespace LoadLab.Core.Keys;

/// <summary>
/// YCSB's hotspot: a fraction of the items (the hot set, the lowest indexes) receives a fraction of
/// the operations; the rest go uniformly to the cold items.
/// </summary>
public sealed class HotspotKeys : IKeyDistribution
{
    private readonly KeyStream stream;
    private readonly long items;
    private readonly long hotItems;
    private readonly double hotOperations;

    public HotspotKeys(KeyStream stream, long items, double hotSetFraction, double hotOperationFraction)
    {
        this.stream = stream;
        this.items = items;
        hotItems = Math.Clamp((long)Math.Round(items * hotSetFraction), 1, items);
        hotOperations = hotOperationFraction;
    }

    public long Next(long sequence)
    {
        bool hot = hotItems == items || stream.Unit(sequence, draw: 1) < hotOperations;
        return hot ? stream.Below(hotItems, sequence) : hotItems + stream.Below(items - hotItems, sequence);
    }
}
