using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;

namespace LoadLab.Capacity.Proxy.Charges;

/// <summary>
/// Write pricing (docs/capacity-model.md §5 and §8): the table arm is <c>wr(max(before, after))</c> (×2 in a transaction, 1 for
/// a missing item), and every secondary index pays for the entries that changed: new entry, removed entry,
/// changed projection (the larger of the two), or a moved key (both). Index arms never take the
/// transaction factor ([Observed], docs/capacity-model.md §7).
/// </summary>
internal static class WriteCharges
{
    /// <param name="before">The item before the write (null: it did not exist).</param>
    /// <param name="after">The item after the write (null: deleted or never created).</param>
    public static void AddWrite(ChargeSheet sheet, CostRules costs, TableInfo table, PrimaryKey key, ItemShadow? before, ItemShadow? after, bool transactional = false)
    {
        // Index arms first: the model checks index charges before table charges (GSI back-pressure).
        foreach (var index in table.Indexes)
            AddIndexArm(sheet, costs, table, index, key, before?.Entry(index.Ordinal) ?? IndexEntry.Absent, after?.Entry(index.Ordinal) ?? IndexEntry.Absent);
        long bytes = Math.Max(before?.Bytes ?? 0, after?.Bytes ?? 0);
        sheet.AddTable(table.Name, CapacityDimension.Write, costs.Write(bytes, transactional), key.PartitionHash, key.Text);
    }

    /// <summary>
    /// A conditional write whose condition failed (docs/capacity-model.md §6): the larger of the stored and the new item when the
    /// item exists, else one unit; no index arms, because nothing was written.
    /// </summary>
    public static void AddFailedCondition(ChargeSheet sheet, CostRules costs, TableInfo table, PrimaryKey key, ItemShadow? existing, long newBytes, bool transactional = false)
    {
        double units = costs.Write(existing is null ? 0 : Math.Max(existing.Bytes, newBytes), transactional);
        sheet.AddTable(table.Name, CapacityDimension.Write, units, key.PartitionHash, key.Text);
    }

    /// <summary>A TransactWriteItems ConditionCheck: a transactional write sized on the item it reads (2 for a missing item).</summary>
    public static void AddConditionCheck(ChargeSheet sheet, CostRules costs, TableInfo table, PrimaryKey key, ItemShadow? current) =>
        sheet.AddTable(table.Name, CapacityDimension.Write, costs.Write(current?.Bytes ?? 0, transactional: true), key.PartitionHash, key.Text);

    /// <summary>How a write changes the table's stored bytes: billing adds an overhead per item, so it appears with the item and vanishes with it.</summary>
    public static long StoredBytesDelta(CostRules costs, ItemShadow? before, ItemShadow? after)
    {
        int overhead = costs.StorageOverheadBytes;
        return (after is null ? 0 : after.Bytes + overhead) - (before is null ? 0 : before.Bytes + overhead);
    }

    private static void AddIndexArm(ChargeSheet sheet, CostRules costs, TableInfo table, IndexInfo index, PrimaryKey key, IndexEntry before, IndexEntry after)
    {
        if (!before.Present && !after.Present)
            return;
        if (!before.Present)
        {
            Add(sheet, table, index, key, costs.Write(after.Bytes), after.PartitionHash);
        }
        else if (!after.Present)
        {
            Add(sheet, table, index, key, costs.Write(before.Bytes), before.PartitionHash);
        }
        else if (before.KeyFingerprint == after.KeyFingerprint)
        {
            if (before.ProjectionFingerprint != after.ProjectionFingerprint)
                Add(sheet, table, index, key, Math.Max(costs.Write(before.Bytes), costs.Write(after.Bytes)), after.PartitionHash);
        }
        else
        {
            // The entry moved: delete the old one, put the new one.
            Add(sheet, table, index, key, costs.Write(before.Bytes), before.PartitionHash);
            Add(sheet, table, index, key, costs.Write(after.Bytes), after.PartitionHash);
        }
    }

    private static void Add(ChargeSheet sheet, TableInfo table, IndexInfo index, PrimaryKey key, double units, ulong partitionHash)
    {
        if (index.IsGlobal)
            sheet.AddGlobalIndex(table.Name, index.Name, CapacityDimension.Write, units, partitionHash, key.Text);
        else
            sheet.AddLocalIndex(table.Name, index.Name, CapacityDimension.Write, units, key.PartitionHash, key.Text);
    }
}
