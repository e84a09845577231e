using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Bodies are read whole into pooled buffers, whatever size was announced, and never past the limit.</summary>
public sealed class PooledBufferTests
{
    [Theory]
    [InlineData(112, 112)] // the announced length, exactly (the usual case)
    [InlineData(256, 10_000)] // announced too small: the buffer grows
    [InlineData(4096, 5)] // announced too large
    [InlineData(16, 0)] // empty body
    public async Task A_stream_is_read_to_its_end(int announced, int actual)
    {
        byte[] bytes = Enumerable.Range(0, actual).Select(i => (byte)(i * 7)).ToArray();
        using var buffer = new PooledBuffer(announced);

        bool complete = await buffer.ReadFromAsync(new TrickleStream(bytes, chunk: 1000), long.MaxValue, CancellationToken.None);

        Assert.True(complete);
        Assert.Equal(bytes, buffer.Span.ToArray());
    }

    [Fact]
    public async Task Reading_stops_once_the_limit_is_passed()
    {
        using var buffer = new PooledBuffer(64);

        bool complete = await buffer.ReadFromAsync(new TrickleStream(new byte[10_000], chunk: 512), limit: 3_000, CancellationToken.None);

        Assert.False(complete);
        Assert.InRange(buffer.Length, 3_001, 3_000 + 4_096);
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a socket does.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes, writable: false)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default) =>
            base.ReadAsync(destination[..Math.Min(destination.Length, chunk)], cancellationToken);
    }
}
