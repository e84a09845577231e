using System.Text;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.UnitTests.Capacity.Proxy;

public sealed class Crc32Tests
{
    [Theory]
    [InlineData("", 0u)]
    [InlineData("123456789", 0xCBF43926u)] // the CRC-32/ISO-HDLC check value
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    // dynalite hard-codes these two x-amz-crc32 values for its fixed answers (index.js).
    [InlineData("healthy: dynamodb.us-east-1.amazonaws.com ", 3128867991u)]
    [InlineData("<UnknownOperationException/>\n", 3552371480u)]
    public void Matches_known_vectors(string text, uint expected)
    {
        Assert.Equal(expected, Crc32.Compute(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Agrees_with_a_bitwise_reference_at_every_length()
    {
        var data = new byte[100];
        new Random(7).NextBytes(data);
        for (int length = 0; length <= data.Length; length++)
            Assert.Equal(Bitwise(data.AsSpan(0, length)), Crc32.Compute(data.AsSpan(0, length)));
    }

    [Fact]
    public void Header_value_is_an_unsigned_decimal()
    {
        Assert.Equal("907060870", Crc32.HeaderValue("hello"u8));
    }

    private static uint Bitwise(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }

        return ~crc;
    }
}
