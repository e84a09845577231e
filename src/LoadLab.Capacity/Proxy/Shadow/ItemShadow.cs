namespace LoadLab.Capacity.Proxy.Shadow;

/// <summary>
/// What the proxy remembers of a stored item: its size (docs/capacity-model.md §3) and, per secondary index (in
/// <see cref="Tables.TableInfo.Indexes"/> order), its projected entry. Enough to price the next write of
/// the same key without reading the item.
/// </summary>
internal sealed record ItemShadow(int Bytes, IndexEntry[] Entries)
{
    public IndexEntry Entry(int ordinal) => ordinal < Entries.Length ? Entries[ordinal] : IndexEntry.Absent;
}

/// <summary>An item's entry in one secondary index (absent when the item lacks the index key attributes).</summary>
/// <param name="KeyFingerprint">Tells a moved index key (two index writes) from an updated entry (one).</param>
/// <param name="ProjectionFingerprint">Tells an unchanged entry (no index write) from a changed one.</param>
/// <param name="PartitionHash">Routes the index charge to the index's partition.</param>
internal readonly record struct IndexEntry(bool Present, int Bytes, ulong KeyFingerprint, ulong ProjectionFingerprint, ulong PartitionHash)
{
    public static readonly IndexEntry Absent = default;
}
