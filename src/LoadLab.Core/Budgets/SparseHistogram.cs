using System.Buffers.Binary;
using LoadLab.Core.Recording;

namespace LoadLab.Core.Budgets;

/// <summary>
/// Reads an encoded interval histogram straight into its recorded (value, count) pairs. Sliding
/// windows read every interval of a run, thousands for a long one, and materialising each as a
/// full HdrHistogram costs milliseconds apiece (a 190 KB counts array, filled through callbacks);
/// walking the V2 payload costs microseconds. Anything but our own V2 layout goes through
/// <see cref="HistogramCodec.Decode"/>.
/// </summary>
public static class SparseHistogram
{
    /// <summary>Each recorded bucket's lowest value (µs; equivalent to any value of the bucket) and its count, in value order.</summary>
    public static List<(long Micros, long Count)> Read(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        if (HistogramCodec.Inflate(Convert.FromBase64String(base64)) is { } raw && Pairs(raw) is { } pairs)
            return pairs;
        var histogram = HistogramCodec.Decode(base64);
        return [.. histogram.RecordedValues().Select(v => (v.ValueIteratedTo, v.CountAtValueIteratedTo))];
    }

    private static List<(long, long)>? Pairs(byte[] raw)
    {
        int payloadLength = BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(4));
        int normalizingIndexOffset = BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(8));
        int digits = BinaryPrimitives.ReadInt32BigEndian(raw.AsSpan(12));
        long lowest = BinaryPrimitives.ReadInt64BigEndian(raw.AsSpan(16));
        if (normalizingIndexOffset != 0 || digits is < 0 or > 5 || lowest < 1 || payloadLength != raw.Length - HistogramCodec.V2HeaderSize)
            return null;
        return Pairs(raw.AsSpan(HistogramCodec.V2HeaderSize), new Layout(lowest, digits));
    }

    // V2 payload: ZigZag LEB128 longs; a positive one is the count of the next bucket, a negative one skips that many empty buckets.
    private static List<(long, long)>? Pairs(ReadOnlySpan<byte> payload, Layout layout)
    {
        var pairs = new List<(long, long)>();
        int position = 0;
        long index = 0;
        while (position < payload.Length)
        {
            if (!TryReadZigZag(payload, ref position, out long word))
                return null;
            if (word < 0)
            {
                index -= word;
                continue;
            }
            if (word > 0)
                pairs.Add((layout.ValueAt(index), word));
            index++;
        }
        return pairs;
    }

    /// <summary>HdrHistogram's LEB128-64b9B: 7 bits per byte for 8 bytes, then a full ninth byte; then ZigZag.</summary>
    private static bool TryReadZigZag(ReadOnlySpan<byte> payload, ref int position, out long value)
    {
        ulong raw = 0;
        for (int i = 0; ; i++)
        {
            if (position >= payload.Length)
            {
                value = 0;
                return false;
            }
            byte b = payload[position++];
            if (i == 8)
            {
                raw |= (ulong)b << 56;
                break;
            }
            raw |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
                break;
        }
        value = (long)(raw >> 1) ^ -(long)(raw & 1);
        return true;
    }

    /// <summary>HdrHistogram's bucket layout for a lowest value and a precision: which value a counts index stands for.</summary>
    private readonly struct Layout
    {
        private readonly int unitMagnitude;
        private readonly int subBucketHalfCountMagnitude;
        private readonly long subBucketHalfCount;

        public Layout(long lowest, int digits)
        {
            unitMagnitude = (int)Math.Floor(Math.Log2(lowest));
            long largestSingleUnit = 2 * (long)Math.Pow(10, digits);
            int subBucketCountMagnitude = (int)Math.Ceiling(Math.Log2(largestSingleUnit));
            subBucketHalfCountMagnitude = Math.Max(subBucketCountMagnitude, 1) - 1;
            subBucketHalfCount = 1L << subBucketHalfCountMagnitude;
        }

        public long ValueAt(long index)
        {
            long bucket = (index >> subBucketHalfCountMagnitude) - 1;
            long subBucket = (index & (subBucketHalfCount - 1)) + subBucketHalfCount;
            if (bucket < 0)
            {
                subBucket -= subBucketHalfCount;
                bucket = 0;
            }
            return subBucket << (int)(bucket + unitMagnitude);
        }
    }
}
