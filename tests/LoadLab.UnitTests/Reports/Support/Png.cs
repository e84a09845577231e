using System.Buffers.Binary;

namespace LoadLab.UnitTests.Reports.Support;

/// <summary>Reads what a PNG says about itself, without an image library.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts the PNG signature and an IHDR chunk first; returns the image size.</summary>
    public static (int Width, int Height) Check(byte[] bytes)
    {
        Assert.True(bytes.Length > 33, "too short for a PNG");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
