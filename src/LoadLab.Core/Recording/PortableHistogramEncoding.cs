using System.Buffers.Binary;
using System.IO.Compression;

namespace LoadLab.Core.Recording;

/// <summary>
/// Rewrites HdrHistogram.NET's compressed V2 histograms into the form every HdrHistogram port reads.
/// HdrHistogram.NET 2.5.0 writes the zlib header and deflate data but not zlib's closing Adler-32
/// checksum, and compresses its whole scratch buffer (kilobytes of trailing zeros). Java's Inflater
/// tolerates that; Node's and Python's zlib reject the stream as truncated. The counts are not
/// touched: the uncompressed V2 encoding is cut to its declared length and compressed again as a
/// complete zlib stream.
/// </summary>
public static class PortableHistogramEncoding
{
    /// <summary>Cookie of a compressed V2 histogram (HdrHistogram's encoding spec).</summary>
    public const int CompressedV2Cookie = 0x1c849314;

    public static string Rewrap(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        byte[] encoded = Convert.FromBase64String(base64);
        if (encoded.Length < 10 || BinaryPrimitives.ReadInt32BigEndian(encoded) != CompressedV2Cookie)
            throw new FormatException("Not a compressed V2 HdrHistogram.");
        int compressedLength = BinaryPrimitives.ReadInt32BigEndian(encoded.AsSpan(4));
        if (compressedLength < 2 || compressedLength > encoded.Length - 8)
            throw new FormatException("The compressed histogram is shorter than its header says.");

        // The one inflate path of the codec, with its limits: header and declared payload, nothing after.
        byte[] plain = HistogramCodec.Inflate(encoded) ?? throw new FormatException("The compressed histogram cannot be inflated to its declared length.");
        return Compress(plain);
    }

    /// <summary>The compressed V2 form of an uncompressed V2 encoding: cookie, length, then one complete zlib stream.</summary>
    internal static string Compress(ReadOnlySpan<byte> plain)
    {
        using var output = new MemoryStream(plain.Length + 32);
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteInt32BigEndian(header, CompressedV2Cookie);
        output.Write(header);
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
            zlib.Write(plain);
        byte[] result = output.ToArray();
        BinaryPrimitives.WriteInt32BigEndian(result.AsSpan(4), result.Length - 8);
        return Convert.ToBase64String(result);
    }
}
