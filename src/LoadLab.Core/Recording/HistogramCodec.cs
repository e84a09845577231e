using HdrHistogram;
using HdrHistogram.Utilities;

namespace LoadLab.Core.Recording;

/// <summary>HdrHistogram's standard compressed V2 encoding as base64, so results can be merged exactly later.</summary>
public static class HistogramCodec
{
    public static string Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        int length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        // ByteBuffer exposes no bulk read; the encoded form is small (a few KB), so byte by byte is fine.
        for (int i = 0; i < length; i++)
            bytes[i] = buffer.Get();
        return Convert.ToBase64String(bytes);
    }

    public static HistogramBase Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var buffer = ByteBuffer.Allocate(bytes);
        return HistogramEncoding.DecodeFromCompressedByteBuffer(buffer, 0);
    }
}
