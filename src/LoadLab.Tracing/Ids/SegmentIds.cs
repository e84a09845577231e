using System.Globalization;

namespace LoadLab.Tracing.Ids;

/// <summary>64-bit segment, subsegment and exception ids, written as 16 lowercase hex digits.</summary>
public static class SegmentIds
{
    /// <summary>
    /// A random non-zero id (zero is the W3C "no span" value). These ids only need to be unique within a trace, so a
    /// fast generator does; the trace id, which X-Ray asks to be unguessable, uses a secure one.
    /// </summary>
    public static ulong New()
    {
        while (true)
        {
            ulong id = (ulong)Random.Shared.NextInt64(long.MinValue, long.MaxValue);
            if (id != 0)
                return id;
        }
    }

    public static string ToHex(ulong id) => id.ToString("x16", CultureInfo.InvariantCulture);
}
