using System.Collections.Concurrent;

namespace LoadLab.Capacity.Proxy.Shadow;

/// <summary>
/// The shadow size index (M9): per table, primary key id → <see cref="ItemShadow"/>, maintained from the
/// writes the proxy forwarded and their outcomes. A table created through the proxy is complete (every
/// item it holds was written through here, so a miss means "no such item"); a table that existed before
/// is filled lazily, and a miss there means "go and look".
/// </summary>
internal sealed class ShadowIndex
{
    private readonly ConcurrentDictionary<string, TableShadow> tables = new(StringComparer.Ordinal);

    public TableShadow For(string table) => tables.GetOrAdd(table, static _ => new TableShadow(complete: false));

    /// <summary>Starts the table over (created, or its indexes changed so old entries no longer line up).</summary>
    public void Reset(string table, bool complete) => tables[table] = new TableShadow(complete);

    public void Remove(string table) => tables.TryRemove(table, out _);

    /// <summary>Forgets every table's items: after the emulator restarted, what it holds is no longer what was seen.</summary>
    public void Clear() => tables.Clear();
}

/// <summary>The shadow entries of one table.</summary>
internal sealed class TableShadow
{
    // Sentinels: a known-absent item (tables that are not complete must remember absence explicitly) and an
    // item whose state is uncertain (the emulator's answer to a write was lost).
    private static readonly ItemShadow AbsentMarker = new(-1, []);
    private static readonly ItemShadow UnknownMarker = new(-2, []);

    private readonly ConcurrentDictionary<UInt128, ItemShadow> items = new();

    public TableShadow(bool complete)
    {
        Complete = complete;
    }

    public bool Complete { get; }

    public int Count => items.Count;

    public ShadowLookup Lookup(UInt128 id)
    {
        if (!items.TryGetValue(id, out var item))
            return Complete ? ShadowLookup.KnownAbsent : ShadowLookup.Unknown;
        if (ReferenceEquals(item, AbsentMarker))
            return ShadowLookup.KnownAbsent;
        return ReferenceEquals(item, UnknownMarker) ? ShadowLookup.Unknown : new ShadowLookup(true, item);
    }

    /// <summary>Records the item as stored now (null: the item does not exist).</summary>
    public void Store(UInt128 id, ItemShadow? item)
    {
        if (item is not null)
            items[id] = item;
        else if (Complete)
            items.TryRemove(id, out _);
        else
            items[id] = AbsentMarker;
    }

    /// <summary>
    /// Items and their total size (DynamoDB's item sizes, without the per-item billing overhead) of a complete
    /// table; null when the shadow has not seen every item. Counted on demand: DescribeTable is rare.
    /// </summary>
    public TableTotals? Totals()
    {
        if (!Complete)
            return null;
        long count = 0, bytes = 0;
        var indexes = new List<(long ItemCount, long SizeBytes)>();
        foreach (var item in items.Values)
        {
            if (ReferenceEquals(item, UnknownMarker))
                return null; // a write whose outcome was lost: the count is not known either
            if (ReferenceEquals(item, AbsentMarker))
                continue;
            count++;
            bytes += item.Bytes;
            for (int i = 0; i < item.Entries.Length; i++)
            {
                while (indexes.Count <= i)
                    indexes.Add((0, 0));
                if (item.Entries[i].Present)
                    indexes[i] = (indexes[i].ItemCount + 1, indexes[i].SizeBytes + item.Entries[i].Bytes);
            }
        }

        return new TableTotals(count, bytes, indexes);
    }

    /// <summary>The item's state is no longer known (a write whose outcome was lost); the next write looks it up.</summary>
    public void Forget(UInt128 id) => items[id] = UnknownMarker;
}

/// <summary>A shadow lookup: known (with the item, or null when it does not exist) or unknown.</summary>
internal readonly record struct ShadowLookup(bool Known, ItemShadow? Item)
{
    public static readonly ShadowLookup KnownAbsent = new(true, null);
    public static readonly ShadowLookup Unknown = new(false, null);
}

/// <summary>What a complete shadow holds: the table's ItemCount and TableSizeBytes.</summary>
/// <param name="Indexes">Per secondary index (by ordinal): the items that have an entry in it, and the entries' bytes.</param>
internal sealed record TableTotals(long ItemCount, long SizeBytes, IReadOnlyList<(long ItemCount, long SizeBytes)> Indexes);
