using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data.BuiltIn;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;
using LoadLab.DynamoDb.Data.Sizing;

namespace LoadLab.DynamoDb.Data;

/// <summary>
/// A data model bound to its data set: the model (built-in or declared in the suite), locale, key templates and item
/// size. Item i depends on (seed, i) alone, so seeding in parallel, re-seeding and every operation agree on item i,
/// and <see cref="KeyOf"/> rebuilds its key by regenerating the item. Immutable and safe to share between threads.
/// Get one from <see cref="DataModels.For"/>.
/// </summary>
public sealed class DataSetModel : IDataModel
{
    private readonly IItemGenerator generator;
    private readonly SizeTarget? size;
    private readonly int capacity;
    private volatile TableKeyDesign? lastKeys;

    internal DataSetModel(IItemGenerator generator, DataSetPlan dataSet)
    {
        this.generator = generator;
        DataSet = dataSet;
        size = dataSet.Size is { } plan ? new SizeTarget(plan) : null;
        capacity = generator.Schema.Fields.Count + dataSet.Templates.Count + 3;
    }

    public string Name => generator.Name;

    public DataSetPlan DataSet { get; }

    /// <summary>The attributes the model writes (keys, templates and padding aside).</summary>
    public ModelSchema Schema => generator.Schema;

    public Dictionary<string, AttributeValue> CreateItem(long seed, long index, TablePlan table)
    {
        var keys = KeysFor(table);
        var item = Generate(seed, index);
        keys.AddTo(item, index);
        size?.Pad(item, seed, index);
        return item;
    }

    /// <summary>
    /// The key of item <paramref name="index"/> of this data set (its seed), regenerating the item only when the key
    /// templates read its fields: a get of the default <c>CUSTOMER#{index}</c> keys costs no data generation.
    /// </summary>
    public Dictionary<string, AttributeValue> KeyOf(long index, TablePlan table)
    {
        var keys = KeysFor(table);
        return keys.KeyOf(keys.KeyReadsFields ? Generate(DataSet.Seed, index) : NoFields, index);
    }

    // Read only: templates without fields never look into it.
    private static readonly Dictionary<string, AttributeValue> NoFields = new(0, StringComparer.Ordinal);

    /// <summary>
    /// The value item <paramref name="index"/> has for <paramref name="attribute"/>: a model field, a template
    /// attribute or a key, e.g. an index key to query by. Null when items do not have the attribute.
    /// </summary>
    public AttributeValue? ValueOf(long index, string attribute, TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var keys = KeysFor(table);
        var item = Generate(DataSet.Seed, index);
        keys.AddTo(item, index);
        return item.GetValueOrDefault(attribute);
    }

    /// <summary>
    /// The partition key of item <paramref name="index"/> with its <c>{shard(N)}</c> replaced by <paramref name="shard"/>:
    /// a query for everything of item i's logical key asks shards 0 … <see cref="TableKeyDesign.PartitionShards"/> - 1.
    /// </summary>
    public AttributeValue PartitionKeyOf(long index, int shard, TablePlan table)
    {
        var keys = KeysFor(table);
        var item = Generate(DataSet.Seed, index);
        return keys.PartitionKey.ShardCount == 0 && shard == 0
            ? keys.PartitionKey.RenderAs(table.PartitionKey.Type, item, index)
            : keys.PartitionKey.RenderAs(table.PartitionKey.Type, item, index, shard);
    }

    public int PartitionShards(TablePlan table) => KeysFor(table).PartitionShards;

    /// <summary>The key templates in effect for <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">A template does not fit the table.</exception>
    public TableKeyDesign KeysFor(TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(table);
        // One table per data set in practice, so a one-entry cache saves binding the templates per item.
        var keys = lastKeys;
        if (keys is not null && ReferenceEquals(keys.Table, table))
            return keys;
        keys = TableKeyDesign.Bind(table, DataSet, generator);
        lastKeys = keys;
        return keys;
    }

    /// <summary>Generates <paramref name="samples"/> items spread evenly over the data set and measures them.</summary>
    public ItemSizeSample SampleSizes(TablePlan table, int samples = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        long items = Math.Max(1, DataSet.Items);
        int count = (int)Math.Min(samples, items);
        long total = 0, min = long.MaxValue, max = 0, writeUnits = 0, readUnits = 0;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var partitions = new HashSet<string>(StringComparer.Ordinal);
        int duplicates = 0;
        for (int k = 0; k < count; k++)
        {
            long index = (long)((double)k * items / count);
            var item = CreateItem(DataSet.Seed, index, table);
            long bytes = ItemSize.Of(item);
            total += bytes;
            min = Math.Min(min, bytes);
            max = Math.Max(max, bytes);
            writeUnits += ItemSize.WriteUnits(bytes);
            readUnits += Math.Max(1, (bytes + 4095) / 4096);
            string partition = KeyText(item[table.PartitionKey.Name]);
            partitions.Add(partition);
            string key = table.SortKey is { } sort ? partition + "\u0000" + KeyText(item[sort.Name]) : partition;
            if (!keys.Add(key))
                duplicates++;
        }

        return new ItemSizeSample(count, (double)total / count, min, max, (double)writeUnits / count, (double)readUnits / count, duplicates, partitions.Count);
    }

    private Dictionary<string, AttributeValue> Generate(long seed, long index)
    {
        var context = ItemContext.Begin(DataSet.Locale, seed, index);
        var item = new Dictionary<string, AttributeValue>(capacity, StringComparer.Ordinal);
        generator.Generate(context, item);
        return item;
    }

    private static string KeyText(AttributeValue value) => value.S ?? value.N ?? Convert.ToBase64String(value.B.ToArray());
}
