using System.Buffers.Binary;
using System.IO.Compression;
using HdrHistogram;
using LoadLab.Core.Recording;
using LoadLab.Reports.Hlog;

namespace LoadLab.UnitTests.Reports;

public class PortableHistogramEncodingTests
{
    [Fact]
    public void The_rewrapped_histogram_has_the_same_counts_and_a_complete_zlib_stream()
    {
        var histogram = LatencyScale.NewHistogram();
        for (int i = 1; i <= 5_000; i++) histogram.RecordValue(i * 37L);
        string original = HistogramCodec.Encode(histogram);

        string portable = PortableHistogramEncoding.Rewrap(original);

        var decoded = HistogramCodec.Decode(portable);
        Assert.Equal(histogram.TotalCount, decoded.TotalCount);
        Assert.Equal(histogram.GetValueAtPercentile(99.9), decoded.GetValueAtPercentile(99.9));
        Assert.Equal(histogram.GetMaxValue(), decoded.GetMaxValue());

        byte[] bytes = Convert.FromBase64String(portable);
        Assert.Equal(PortableHistogramEncoding.CompressedV2Cookie, BinaryPrimitives.ReadInt32BigEndian(bytes));
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
        // A strict zlib reader consumes the whole stream, checksum included, and gets exactly the V2 encoding.
        using var zlib = new ZLibStream(new MemoryStream(bytes, 8, bytes.Length - 8), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        zlib.CopyTo(plain);
        byte[] v2 = plain.ToArray();
        Assert.Equal(40 + BinaryPrimitives.ReadInt32BigEndian(v2.AsSpan(4)), v2.Length);
    }

    [Fact]
    public void An_empty_histogram_stays_empty()
    {
        string portable = PortableHistogramEncoding.Rewrap(HistogramCodec.Encode(LatencyScale.NewHistogram()));
        Assert.Equal(0, HistogramCodec.Decode(portable).TotalCount);
    }

    [Fact]
    public void Anything_else_is_refused()
    {
        Assert.Throws<FormatException>(() => PortableHistogramEncoding.Rewrap(Convert.ToBase64String(new byte[16])));
        Assert.Throws<FormatException>(() => PortableHistogramEncoding.Rewrap("not base64!"));
    }
}
