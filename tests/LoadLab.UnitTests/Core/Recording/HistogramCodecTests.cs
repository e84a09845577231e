using HdrHistogram;
using LoadLab.Core.Recording;

namespace LoadLab.UnitTests.Core.Recording;

public class HistogramCodecTests
{
    public static TheoryData<string> Shapes => new() { "empty", "one", "narrow", "wide", "huge counts", "after a wide one" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_fast_encoding_is_byte_for_byte_the_librarys_made_portable(string shape)
    {
        var random = new Random(shape.GetHashCode(StringComparison.Ordinal));
        // A wide histogram first leaves the shared scratch array full of another encoding: nothing of it may leak.
        if (shape == "after a wide one")
        {
            var wide = LatencyScale.NewHistogram();
            for (int i = 0; i < 10_000; i++) wide.RecordValue(random.NextInt64(1, LatencyScale.HighestMicros));
            HistogramCodec.Encode(wide);
        }

        var histogram = LatencyScale.NewHistogram();
        switch (shape)
        {
            case "one": histogram.RecordValue(1234); break;
            case "narrow": for (int i = 0; i < 1500; i++) histogram.RecordValue(2000 + random.Next(6000)); break;
            case "wide": for (int i = 0; i < 20_000; i++) histogram.RecordValue(random.NextInt64(1, LatencyScale.HighestMicros)); break;
            case "huge counts": histogram.RecordValueWithCount(5000, long.MaxValue / 4); histogram.RecordValueWithCount(7, 3); break;
            case "after a wide one": histogram.RecordValue(10); histogram.RecordValue(20); break;
        }

        string fast = HistogramCodec.Encode(histogram);

        Assert.Equal(HistogramCodec.EncodeThroughLibrary(histogram), fast);
        var decoded = HistogramCodec.Decode(fast);
        Assert.Equal(histogram.TotalCount, decoded.TotalCount);
        Assert.Equal(histogram.GetMaxValue(), decoded.GetMaxValue());
    }
}
