namespace LoadLab.Core.Keys;

/// <summary>
/// Recently written items are the popular ones (YCSB "latest"): a zipfian rank counted back from the
/// newest item. <c>newestIndex</c> reports the highest index written so far, which grows as the
/// workload inserts.
/// </summary>
public sealed class LatestKeys(KeyStream stream, long initialItems, double theta, Func<long> newestIndex) : IKeyDistribution
{
    // Sampler and the count it was built for, swapped as one reference so threads never pair them wrongly.
    private Sized current = new(new ZipfSampler(initialItems, theta), initialItems);

    public long Next(long sequence)
    {
        long newest = Math.Max(newestIndex(), 0);
        long count = newest + 1;
        var sized = Volatile.Read(ref current);
        if (sized.Items != count)
        {
            // The sampler's setup is O(1); rebuilding it as the key space grows is cheap.
            sized = new Sized(new ZipfSampler(count, theta), count);
            Volatile.Write(ref current, sized);
        }

        long rank = sized.Sampler.Sample(draw => stream.Unit(sequence, draw));
        return newest - (rank - 1);
    }

    private sealed record Sized(ZipfSampler Sampler, long Items);
}
