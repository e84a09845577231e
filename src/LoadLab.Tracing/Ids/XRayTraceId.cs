using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace LoadLab.Tracing.Ids;

/// <summary>
/// An X-Ray trace id, <c>1-{8 hex: epoch seconds}-{24 hex: 96 random bits}</c>. The same 16 bytes are a W3C trace id
/// (epoch first), so the id converts to and from <see cref="ActivityTraceId"/> without loss and OTLP and X-Ray agree.
/// </summary>
public readonly record struct XRayTraceId(uint EpochSeconds, ulong RandomHigh, uint RandomLow)
{
    public const int Length = 35;

    // Secure random bytes fetched in bulk per thread: one generator call per 256 ids instead of one per id.
    private const int IdsPerRefill = 256;

    [ThreadStatic]
    private static byte[]? randomPool;

    [ThreadStatic]
    private static int randomUsed;

    /// <summary>A new id for a trace starting at <paramref name="start"/>; the random part comes from a secure generator, as X-Ray asks.</summary>
    public static XRayTraceId New(DateTimeOffset start)
    {
        var pool = randomPool ??= new byte[12 * IdsPerRefill];
        if (randomUsed == 0 || randomUsed == pool.Length)
        {
            RandomNumberGenerator.Fill(pool);
            randomUsed = 0;
        }

        var random = pool.AsSpan(randomUsed, 12);
        randomUsed += 12;
        var id = new XRayTraceId(
            (uint)Math.Clamp(start.ToUnixTimeSeconds(), 0, uint.MaxValue),
            BinaryPrimitives.ReadUInt64BigEndian(random),
            BinaryPrimitives.ReadUInt32BigEndian(random[8..]));
        // Each id's bytes are used once.
        random.Clear();
        return id;
    }

    public override string ToString() => string.Create(Length, this, static (chars, id) =>
    {
        chars[0] = '1';
        chars[1] = '-';
        id.EpochSeconds.TryFormat(chars[2..10], out _, "x8", CultureInfo.InvariantCulture);
        chars[10] = '-';
        id.RandomHigh.TryFormat(chars[11..27], out _, "x16", CultureInfo.InvariantCulture);
        id.RandomLow.TryFormat(chars[27..35], out _, "x8", CultureInfo.InvariantCulture);
    });

    public ActivityTraceId ToActivityTraceId()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, EpochSeconds);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[4..], RandomHigh);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[12..], RandomLow);
        return ActivityTraceId.CreateFromBytes(bytes);
    }

    public static XRayTraceId FromActivityTraceId(ActivityTraceId id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.CopyTo(bytes);
        return new XRayTraceId(
            BinaryPrimitives.ReadUInt32BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]));
    }

    /// <summary>Parses <c>1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx</c> (lower or upper case hex).</summary>
    public static bool TryParse(string? text, out XRayTraceId id)
    {
        id = default;
        if (text is null || text.Length != Length || text[0] != '1' || text[1] != '-' || text[10] != '-')
            return false;
        var span = text.AsSpan();
        if (!uint.TryParse(span[2..10], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint epoch) ||
            !ulong.TryParse(span[11..27], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong high) ||
            !uint.TryParse(span[27..35], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint low))
            return false;
        id = new XRayTraceId(epoch, high, low);
        return true;
    }
}
