using System.Buffers.Binary;
using System.IO.Compression;
using HdrHistogram;
using HdrHistogram.Encoding;
using HdrHistogram.Utilities;

namespace LoadLab.Core.Recording;

/// <summary>HdrHistogram's standard compressed V2 encoding as base64, so results can be merged exactly later.</summary>
public static class HistogramCodec
{
    /// <summary>Bytes of the V2 header before the counts payload.</summary>
    internal const int V2HeaderSize = 40;

    private const int CompressedV2Cookie = 0x1c849304;
    private const int V2Cookie = 0x1c849303;

    // The low nibble's high bits carry the word size, which V2 does not use for the format check.
    private const int CookieMask = ~0xf0;

    // Far above any real counts array (3 digits, 1 µs to 1 h is ~190 KB even at 9 bytes a count).
    private const int MaxPayload = 16 * 1024 * 1024;

    // The uncompressed V2 encoding is written into this scratch buffer (one per thread, ~190 KB for LatencyScale's
    // range): a fresh one per call went to the large-object heap, and the sampler encodes several per interval.
    [ThreadStatic]
    private static ByteBuffer? scratch;

    public static string Encode(HistogramBase histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        int capacity = histogram.GetNeededByteBufferCapacity();
        var buffer = scratch is { } s && s.Capacity() >= capacity ? s : scratch = ByteBuffer.Allocate(capacity);
        buffer.Position = 0;
        // The plain V2 encoding, compressed as one complete zlib stream: what the library's compressed encoding
        // becomes once made portable (PortableHistogramEncoding), without compressing its whole scratch buffer
        // and inflating it again — the same bytes at a fraction of the cost.
        int length = histogram.Encode(buffer, HistogramEncoderV2.Instance);
        var bytes = new byte[length];
        buffer.Position = 0;
        // ByteBuffer exposes no bulk read; the encoded form is small (a few KB), so byte by byte is fine.
        for (int i = 0; i < length; i++)
            bytes[i] = buffer.Get();
        return PortableHistogramEncoding.Compress(bytes);
    }

    /// <summary>The library's own compressed encoding made portable: the reference <see cref="Encode"/> must equal (tests).</summary>
    internal static string EncodeThroughLibrary(HistogramBase histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        int length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        for (int i = 0; i < length; i++)
            bytes[i] = buffer.Get();
        return PortableHistogramEncoding.Rewrap(Convert.ToBase64String(bytes));
    }

    public static HistogramBase Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        // HdrHistogram.NET inflates the payload with a single Stream.Read, and since .NET 6 DeflateStream
        // may return less than asked, so large histograms (long runs, wide latency spreads) failed to
        // decode. Our V2 form is inflated here completely and decoded uncompressed; other forms go to the library.
        return Inflate(bytes) is { } raw
            ? HistogramEncoding.DecodeFromByteBuffer(ByteBuffer.Allocate(raw), 0)
            : HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), 0);
    }

    /// <summary>
    /// The uncompressed V2 encoding (40-byte header, then the counts payload) inside a compressed V2
    /// one, or null when <paramref name="bytes"/> is not that. Only header and payload are inflated:
    /// the library compresses its whole scratch buffer, so the stream goes on with ~190 KB of zeros.
    /// </summary>
    internal static byte[]? Inflate(byte[] bytes)
    {
        // Layout: cookie (4), compressed length (4), zlib data; like the library, the 2-byte zlib
        // header is skipped and the raw deflate stream read, so no trailer is needed.
        const int Envelope = 8, ZlibHeader = 2;
        if (bytes.Length < Envelope + ZlibHeader || (BinaryPrimitives.ReadInt32BigEndian(bytes) & CookieMask) != CompressedV2Cookie)
            return null;
        int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4));
        if (length <= ZlibHeader || length > bytes.Length - Envelope)
            return null;
        using var compressed = new MemoryStream(bytes, Envelope + ZlibHeader, length - ZlibHeader);
        using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
        var header = new byte[V2HeaderSize];
        if (inflater.ReadAtLeast(header, V2HeaderSize, throwOnEndOfStream: false) < V2HeaderSize
            || (BinaryPrimitives.ReadInt32BigEndian(header) & CookieMask) != V2Cookie)
            return null;
        int payload = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        if (payload is < 0 or > MaxPayload)
            return null;
        var raw = new byte[V2HeaderSize + payload];
        header.CopyTo(raw, 0);
        return inflater.ReadAtLeast(raw.AsSpan(V2HeaderSize), payload, throwOnEndOfStream: false) < payload ? null : raw;
    }
}
