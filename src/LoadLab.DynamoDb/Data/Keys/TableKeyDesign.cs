using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data.BuiltIn;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.Keys;

/// <summary>
/// How a data set's items get their key attributes in one table: the partition and sort key templates (the data set's
/// own or the model's defaults for the table's key types) and the extra template attributes, typed for the table.
/// </summary>
public sealed class TableKeyDesign
{
    private readonly (string Name, string Type, KeyTemplate Template)[] attributes;

    private TableKeyDesign(TablePlan table, KeyTemplate partition, KeyTemplate? sort, (string, string, KeyTemplate)[] attributes)
    {
        Table = table;
        PartitionKey = partition;
        SortKey = sort;
        this.attributes = attributes;
        KeyReadsFields = partition.Fields.Count > 0 || sort?.Fields.Count > 0;
    }

    /// <summary>Whether the key templates read model fields; when not, a key is made without generating its item.</summary>
    public bool KeyReadsFields { get; }

    public TablePlan Table { get; }

    public KeyTemplate PartitionKey { get; }

    public KeyTemplate? SortKey { get; }

    /// <summary>Template attributes (e.g. index keys) with the scalar type they are written as.</summary>
    public IReadOnlyList<(string Name, string Type, KeyTemplate Template)> Attributes => attributes;

    /// <summary>
    /// How many partition key values one logical key is spread over by <c>{shard(N)}</c>; 1 when not sharded. A reader
    /// that wants every item of a logical key queries shards 0 … N-1 (see <see cref="DataSetModel.PartitionKeyOf"/>).
    /// </summary>
    public int PartitionShards => Math.Max(1, PartitionKey.ShardCount);

    /// <exception cref="ArgumentException">A template does not fit the table: unknown field, text for an N key, a sort key template without a sort key, a clash of names.</exception>
    internal static TableKeyDesign Bind(TablePlan table, DataSetPlan dataSet, IItemGenerator generator)
    {
        var schema = generator.Schema;
        var defaults = generator.Keys;
        string partitionText = dataSet.PartitionKeyTemplate
            ?? (table.PartitionKey.Type == "N" ? KeyDefaults.NumericPartition : table.SortKey is null ? defaults.PartitionOnly : defaults.Partition);
        var partition = Parse(partitionText, schema, table.PartitionKey, "partition key");

        KeyTemplate? sort = null;
        if (table.SortKey is { } sortKey)
        {
            string sortText = dataSet.SortKeyTemplate ?? (sortKey.Type == "N" ? defaults.NumericSort : defaults.Sort);
            sort = Parse(sortText, schema, sortKey, "sort key");
        }
        else if (dataSet.SortKeyTemplate is not null)
        {
            throw new ArgumentException($"The data set gives a sort key template '{dataSet.SortKeyTemplate}', but table '{table.Id}' has no sort key.", nameof(dataSet));
        }

        var extra = new List<(string, string, KeyTemplate)>(dataSet.Templates.Count);
        foreach (var template in dataSet.Templates)
        {
            if (template.Attribute == table.PartitionKey.Name || template.Attribute == table.SortKey?.Name)
                throw new ArgumentException($"Template attribute '{template.Attribute}' is a key of table '{table.Id}'; give its template as pk or sk instead.", nameof(dataSet));
            if (schema.Fields.Any(f => f.Name == template.Attribute))
                throw new ArgumentException($"Template attribute '{template.Attribute}' is already a field of model {schema.Model}; choose another name.", nameof(dataSet));
            var key = new KeyAttribute(template.Attribute, TypeOf(table, template.Attribute));
            extra.Add((template.Attribute, key.Type, Parse(template.Template, schema, key, "attribute")));
        }

        return new TableKeyDesign(table, partition, sort, [.. extra]);
    }

    /// <summary>Adds template attributes, then the keys last, so a key wins over a data attribute of the same name.</summary>
    internal void AddTo(Dictionary<string, AttributeValue> item, long index)
    {
        foreach (var (name, type, template) in attributes)
            item[name] = template.RenderAs(type, item, index);
        item[Table.PartitionKey.Name] = PartitionKey.RenderAs(Table.PartitionKey.Type, item, index);
        if (Table.SortKey is { } sort)
            item[sort.Name] = SortKey!.RenderAs(sort.Type, item, index);
    }

    internal Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item, long index)
    {
        var key = new Dictionary<string, AttributeValue>(Table.SortKey is null ? 1 : 2, StringComparer.Ordinal)
        {
            [Table.PartitionKey.Name] = PartitionKey.RenderAs(Table.PartitionKey.Type, item, index),
        };
        if (Table.SortKey is { } sort)
            key[sort.Name] = SortKey!.RenderAs(sort.Type, item, index);
        return key;
    }

    /// <summary>An index key declared N or B makes the template attribute that fills it N or B; otherwise S.</summary>
    private static string TypeOf(TablePlan table, string attribute) =>
        table.Indexes.SelectMany(i => new[] { i.PartitionKey, i.SortKey }).FirstOrDefault(k => k?.Name == attribute)?.Type ?? "S";

    private static KeyTemplate Parse(string text, ModelSchema schema, KeyAttribute key, string role)
    {
        KeyTemplate template;
        try
        {
            template = KeyTemplate.Parse(text, schema);
        }
        catch (DataDesignException ex)
        {
            throw new ArgumentException($"The {role} template of '{key.Name}': {ex.Message}", nameof(text), ex);
        }

        if (key.Type == "N" && !template.IsNumeric)
            throw new ArgumentException($"'{key.Name}' is N, but its {role} template '{text}' does not always make a number; use number fields, {{index}} or {{shard(N)}} with digits only.", nameof(text));
        return template;
    }
}
