using LoadLab.Core.Budgets;
using LoadLab.Core.Recording;

namespace LoadLab.UnitTests.Core.Budgets;

public class SparseHistogramTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000)]
    [InlineData(200_000)]
    public void Reads_exactly_the_buckets_and_counts_the_library_decodes(int values)
    {
        var random = new Random(values);
        var histogram = LatencyScale.NewHistogram();
        for (int i = 0; i < values; i++)
            histogram.RecordValue(random.Next(1, 3_000_000));
        histogram.RecordValueWithCount(LatencyScale.HighestMicros, 3);
        string encoded = HistogramCodec.Encode(histogram);

        var pairs = SparseHistogram.Read(encoded);

        var expected = HistogramCodec.Decode(encoded).RecordedValues()
            .Select(v => (histogram.LowestEquivalentValue(v.ValueIteratedTo), v.CountAtValueIteratedTo));
        Assert.Equal(expected, pairs);
    }
}
