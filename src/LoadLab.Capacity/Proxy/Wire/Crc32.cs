namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// CRC-32 (IEEE 802.3, the zlib polynomial) as DynamoDB sends it in <c>x-amz-crc32</c>. The .NET SDK
/// validates it on every successful response and retries on a mismatch, so every body the proxy
/// edits must carry a fresh value. Slicing-by-8 keeps a 1 MB Query page well under a millisecond.
/// </summary>
internal static class Crc32
{
    private const uint Polynomial = 0xEDB88320u;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        int i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            uint low = crc ^ (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
            uint high = (uint)(data[i + 4] | data[i + 5] << 8 | data[i + 6] << 16 | data[i + 7] << 24);
            crc = Table[(7 * 256) + (low & 0xFF)]
                ^ Table[(6 * 256) + ((low >> 8) & 0xFF)]
                ^ Table[(5 * 256) + ((low >> 16) & 0xFF)]
                ^ Table[(4 * 256) + (low >> 24)]
                ^ Table[(3 * 256) + (high & 0xFF)]
                ^ Table[(2 * 256) + ((high >> 8) & 0xFF)]
                ^ Table[256 + ((high >> 16) & 0xFF)]
                ^ Table[high >> 24];
        }

        for (; i < data.Length; i++)
            crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    /// <summary>The header value: the checksum as an unsigned decimal string.</summary>
    public static string HeaderValue(ReadOnlySpan<byte> data) =>
        Compute(data).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static uint[] BuildTable()
    {
        var table = new uint[8 * 256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) != 0 ? Polynomial ^ (c >> 1) : c >> 1;
            table[n] = c;
        }

        for (int slice = 1; slice < 8; slice++)
        {
            for (int n = 0; n < 256; n++)
            {
                uint previous = table[((slice - 1) * 256) + n];
                table[(slice * 256) + n] = (previous >> 8) ^ table[previous & 0xFF];
            }
        }

        return table;
    }
}
