using System.Buffers;

namespace LoadLab.Capacity.Proxy.Wire;

/// <summary>
/// A growable byte buffer on <see cref="ArrayPool{T}"/>: request and response bodies and the JSON the
/// proxy writes live here, so the hot path allocates no large arrays. Dispose returns the array.
/// </summary>
internal sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] array;
    private int length;

    public PooledBuffer(int initialCapacity = 256)
    {
        array = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 16));
    }

    public int Length => length;

    public ReadOnlyMemory<byte> Memory => array.AsMemory(0, length);

    public ReadOnlySpan<byte> Span => array.AsSpan(0, length);

    public void Advance(int count)
    {
        if (count < 0 || length + count > array.Length)
            throw new ArgumentOutOfRangeException(nameof(count));
        length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return array.AsMemory(length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return array.AsSpan(length);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(array.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>Reads the stream to its end; false (and stops) once more than <paramref name="limit"/> bytes arrived.</summary>
    public async Task<bool> ReadFromAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Fill the space the announced length reserved before growing (a grown buffer is a copy).
            var memory = GetMemory(length < array.Length ? 1 : 4096);
            int read = await stream.ReadAsync(memory, cancellationToken);
            if (read == 0)
                return true;
            length += read;
            if (length > limit)
                return false;
        }
    }

    public void Dispose()
    {
        var returned = array;
        array = [];
        length = 0;
        if (returned.Length > 0)
            ArrayPool<byte>.Shared.Return(returned);
    }

    private void Ensure(int sizeHint)
    {
        int needed = length + Math.Max(sizeHint, 1);
        if (needed <= array.Length)
            return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, array.Length * 2));
        array.AsSpan(0, length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(array);
        array = bigger;
    }
}
