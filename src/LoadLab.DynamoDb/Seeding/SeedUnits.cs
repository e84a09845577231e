using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Seeding;

/// <summary>
/// The write units one seeded item costs on each capacity resource of its table (capacity reference §5, §8): the table
/// pays the item and every local index entry it makes; each global index pays the entry it makes, if the item has the
/// index's key attributes (a sparse index skips the others). An entry is the table's keys, the index's keys and the
/// projected attributes. Resources are in <see cref="Resources"/> order: the table, then its global indexes.
/// </summary>
public static class SeedUnits
{
    /// <summary>Names of the table's capacity resources: null for the table, then each global index's name.</summary>
    public static IReadOnlyList<string?> Resources(TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [null, .. table.Indexes.Where(i => i.Kind == IndexKind.Global).Select(i => i.Name)];
    }

    /// <summary>Adds the units of <paramref name="item"/> to <paramref name="units"/> (one slot per resource).</summary>
    public static void Add(Dictionary<string, AttributeValue> item, TablePlan table, Span<double> units)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(table);
        units[0] += ItemSize.WriteUnits(ItemSize.Of(item));
        int global = 1;
        foreach (var index in table.Indexes)
        {
            long? entry = EntryBytes(item, table, index);
            if (index.Kind == IndexKind.Local)
            {
                if (entry is { } local)
                    units[0] += ItemSize.WriteUnits(local);
                continue;
            }

            if (entry is { } bytes)
                units[global] += ItemSize.WriteUnits(bytes);
            global++;
        }
    }

    /// <summary>The units of one item, per resource.</summary>
    public static double[] Of(Dictionary<string, AttributeValue> item, TablePlan table)
    {
        var units = new double[Resources(table).Count];
        Add(item, table, units);
        return units;
    }

    /// <summary>The bytes of the item's entry in <paramref name="index"/>, or null when the item is not in it.</summary>
    private static long? EntryBytes(Dictionary<string, AttributeValue> item, TablePlan table, IndexPlan index)
    {
        if (!item.ContainsKey(index.PartitionKey.Name) || (index.SortKey is { } sort && !item.ContainsKey(sort.Name)))
            return null;
        if (index.Projection == ProjectionKind.All)
            return ItemSize.Of(item);
        var keys = new HashSet<string>(StringComparer.Ordinal) { table.PartitionKey.Name, index.PartitionKey.Name };
        if (table.SortKey is { } tableSort)
            keys.Add(tableSort.Name);
        if (index.SortKey is { } indexSort)
            keys.Add(indexSort.Name);
        if (index.Projection == ProjectionKind.Include)
            keys.UnionWith(index.NonKeyAttributes);
        return ItemSize.Of(item.Where(a => keys.Contains(a.Key)).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal));
    }
}
