using System.Globalization;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// CRC-32 (IEEE 802.3, the zlib polynomial) as DynamoDB sends it in <c>x-amz-crc32</c>. The .NET SDK
/// validates it on every successful response and retries on a mismatch, so every body the proxy
/// edits must carry a fresh value. The arithmetic is System.IO.Hashing's (vectorised).
/// </summary>
internal static class Crc32
{
    public static uint Compute(ReadOnlySpan<byte> data) => System.IO.Hashing.Crc32.HashToUInt32(data);

    /// <summary>The header value: the checksum as an unsigned decimal string.</summary>
    public static string HeaderValue(ReadOnlySpan<byte> data) => Compute(data).ToString(CultureInfo.InvariantCulture);
}
