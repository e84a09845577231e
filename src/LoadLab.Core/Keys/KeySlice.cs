namespace LoadLab.Core.Keys;

/// <summary>A contiguous range of item indexes, [<see cref="Start"/>, <see cref="End"/>): one shard's part of a data set.</summary>
public readonly record struct KeySlice(long Start, long Count)
{
    /// <summary>One past the last index.</summary>
    public long End => Start + Count;

    public bool Contains(long index) => index >= Start && index < End;

    /// <summary>"[start, end)", as reports and messages state a slice.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Start}, {End})");
}
