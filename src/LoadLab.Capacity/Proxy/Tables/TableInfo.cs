namespace LoadLab.Capacity.Proxy.Tables;

/// <summary>
/// What the proxy must know about a table to price its requests: the key schema (routing and item keys)
/// and the secondary indexes with their projections (index write amplification, docs/capacity-model.md §8).
/// </summary>
internal sealed class TableInfo
{
    public TableInfo(string name, string hashKey, string? rangeKey, IReadOnlyList<IndexInfo> indexes)
    {
        Name = name;
        HashKey = hashKey;
        RangeKey = rangeKey;
        Indexes = indexes;
        for (int i = 0; i < indexes.Count; i++)
        {
            if (indexes[i].Ordinal != i)
                throw new ArgumentException("Index ordinals must follow their position.", nameof(indexes));
        }
    }

    public string Name { get; }

    public string HashKey { get; }

    public string? RangeKey { get; }

    /// <summary>Global then local secondary indexes; <see cref="IndexInfo.Ordinal"/> is the position here.</summary>
    public IReadOnlyList<IndexInfo> Indexes { get; }

    public bool HasLocalIndexes => Indexes.Any(i => !i.IsGlobal);

    public IndexInfo? FindIndex(string? name)
    {
        if (name is null)
            return null;
        foreach (var index in Indexes)
        {
            if (string.Equals(index.Name, name, StringComparison.Ordinal))
                return index;
        }

        return null;
    }

    public bool IsTableKey(string attribute) =>
        string.Equals(attribute, HashKey, StringComparison.Ordinal) || string.Equals(attribute, RangeKey, StringComparison.Ordinal);

    /// <summary>Same keys and indexes: shadow entries recorded under one layout stay valid under the other.</summary>
    public bool SameLayout(TableInfo other) =>
        HashKey == other.HashKey && RangeKey == other.RangeKey && Indexes.Count == other.Indexes.Count
        && Indexes.Zip(other.Indexes).All(p => p.First.SameLayout(p.Second));
}

internal enum ProjectionKind
{
    All,
    KeysOnly,
    Include,
}

internal sealed class IndexInfo
{
    public IndexInfo(string name, bool isGlobal, string hashKey, string? rangeKey, ProjectionKind projection, IReadOnlyCollection<string> nonKeyAttributes, int ordinal)
    {
        Name = name;
        IsGlobal = isGlobal;
        HashKey = hashKey;
        RangeKey = rangeKey;
        Projection = projection;
        NonKeyAttributes = nonKeyAttributes.ToHashSet(StringComparer.Ordinal);
        Ordinal = ordinal;
    }

    public string Name { get; }

    public bool IsGlobal { get; }

    public string HashKey { get; }

    public string? RangeKey { get; }

    public ProjectionKind Projection { get; }

    public IReadOnlySet<string> NonKeyAttributes { get; }

    public int Ordinal { get; }

    /// <summary>Whether an attribute is part of this index's entries (keys of the index and the table are always projected).</summary>
    public bool Projects(TableInfo table, string attribute) =>
        Projection == ProjectionKind.All
        || table.IsTableKey(attribute)
        || string.Equals(attribute, HashKey, StringComparison.Ordinal)
        || string.Equals(attribute, RangeKey, StringComparison.Ordinal)
        || (Projection == ProjectionKind.Include && NonKeyAttributes.Contains(attribute));

    public bool SameLayout(IndexInfo other) =>
        Name == other.Name && IsGlobal == other.IsGlobal && HashKey == other.HashKey && RangeKey == other.RangeKey
        && Projection == other.Projection && NonKeyAttributes.SetEquals(other.NonKeyAttributes);
}
