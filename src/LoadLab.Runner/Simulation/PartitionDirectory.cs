using System.Globalization;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.Runner.Simulation;

/// <summary>
/// Which items one query target (the table or one of its indexes) holds under each partition key value, in sort-key
/// order: what a Query of a partition walks through. Built once from every seeded item (generated once, their
/// partition and sort values kept), then told of inserted items. Deleted items stay listed; the walk skips items the
/// table no longer holds, and items an index does not hold (no entry in a sparse index).
/// </summary>
internal sealed class PartitionDirectory
{
    private readonly Dictionary<string, List<Entry>> partitions = new(StringComparer.Ordinal);
    private readonly EntryOrder order;

    private PartitionDirectory(ReadTarget target)
    {
        Target = target;
        order = new EntryOrder(target.Sort?.Type);
    }

    public ReadTarget Target { get; }

    /// <summary>Items of the partition with key value <paramref name="partition"/>, in sort-key order (empty when none).</summary>
    public IReadOnlyList<Entry> Partition(AttributeValue partition) =>
        partitions.TryGetValue(KeyText(partition), out var entries) ? entries : [];

    public static PartitionDirectory Build(SimulatedTable table, ReadTarget target)
    {
        var directory = new PartitionDirectory(target);
        var plan = table.Plan;
        // Keys that read no fields are made without generating the item; an index is keyed by data attributes.
        bool keysOnly = target.IndexName is null && !table.Model.KeysFor(plan).KeyReadsFields;
        for (long index = 0; index < table.DataSet.Items; index++)
        {
            var item = keysOnly ? table.Model.KeyOf(index, plan) : table.Model.CreateItem(table.DataSet.Seed, index, plan);
            directory.Append(index, item);
        }

        foreach (var entries in directory.partitions.Values)
            entries.Sort(directory.order);
        return directory;
    }

    /// <summary>Lists a new item (it keeps its place in sort-key order).</summary>
    public void Add(long index, Dictionary<string, AttributeValue> item)
    {
        if (EntryOf(index, item, out string partition) is not { } entry)
            return;
        var entries = EntriesOf(partition);
        int at = entries.BinarySearch(entry, order);
        entries.Insert(at < 0 ? ~at : at + 1, entry);
    }

    private void Append(long index, Dictionary<string, AttributeValue> item)
    {
        if (EntryOf(index, item, out string partition) is { } entry)
            EntriesOf(partition).Add(entry);
    }

    private Entry? EntryOf(long index, Dictionary<string, AttributeValue> item, out string partition)
    {
        partition = string.Empty;
        if (!item.TryGetValue(Target.Partition.Name, out var value))
            return null;
        AttributeValue? sort = null;
        if (Target.Sort is { } sortKey && !item.TryGetValue(sortKey.Name, out sort))
            return null;
        partition = KeyText(value);
        return new Entry(sort, index);
    }

    private List<Entry> EntriesOf(string partition)
    {
        if (!partitions.TryGetValue(partition, out var entries))
        {
            entries = [];
            partitions.Add(partition, entries);
        }

        return entries;
    }

    /// <summary>Text that tells key values apart: type and value, as generated (generated numbers are written one way).</summary>
    private static string KeyText(AttributeValue value) =>
        value.S is { } s ? "S" + s
        : value.N is { } n ? "N" + n
        : value.B is { } b ? "B" + Convert.ToBase64String(b.ToArray())
        : string.Empty;

    /// <summary>One item of a partition: its sort key value (null without a sort key) and item index.</summary>
    internal readonly record struct Entry(AttributeValue? Sort, long Index);

    /// <summary>DynamoDB's sort-key order: numbers by value, strings and binaries by their bytes; ties keep insertion order.</summary>
    internal sealed class EntryOrder(string? type) : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            int bySort = x.Sort is null || y.Sort is null ? 0 : Compare(x.Sort, y.Sort);
            return bySort != 0 ? bySort : x.Index.CompareTo(y.Index);
        }

        public int Compare(AttributeValue x, AttributeValue y) => type switch
        {
            "N" => decimal.Parse(x.N, NumberStyles.Float, CultureInfo.InvariantCulture).CompareTo(decimal.Parse(y.N, NumberStyles.Float, CultureInfo.InvariantCulture)),
            "B" => x.B.ToArray().AsSpan().SequenceCompareTo(y.B.ToArray()),
            _ => string.CompareOrdinal(x.S, y.S),
        };

        /// <summary>Whether the sort value satisfies a query's sort-key condition (values typed as the sort key).</summary>
        public bool Matches(AttributeValue value, SortKeyOperator op, AttributeValue bound, AttributeValue? upper) => op switch
        {
            SortKeyOperator.Equal => Compare(value, bound) == 0,
            SortKeyOperator.Less => Compare(value, bound) < 0,
            SortKeyOperator.LessOrEqual => Compare(value, bound) <= 0,
            SortKeyOperator.Greater => Compare(value, bound) > 0,
            SortKeyOperator.GreaterOrEqual => Compare(value, bound) >= 0,
            SortKeyOperator.BeginsWith => type == "B"
                ? value.B.ToArray().AsSpan().StartsWith(bound.B.ToArray())
                : value.S?.StartsWith(bound.S, StringComparison.Ordinal) == true,
            SortKeyOperator.Between => Compare(value, bound) >= 0 && upper is not null && Compare(value, upper) <= 0,
            _ => false,
        };
    }
}
