using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Data.Keys;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// The partition key values one query reads for the drawn item: its partition, or with write sharding
/// (<c>{tenantId}#{shard(10)}</c>) the same logical key in every shard, as an application must read it back.
/// </summary>
internal sealed class QueryPartitions
{
    private readonly IDataModel model;
    private readonly long dataSeed;
    private readonly TablePlan table;
    private readonly ReadTarget target;

    // Set when the key design shards the partition key the query uses (the table's or the index's).
    private readonly KeyTemplate? shardedTemplate;
    private readonly int shards = 1;

    public QueryPartitions(DriverContext context, ReadTarget target)
        : this(context.Model, context.DataSeed, context.Table, target)
    {
    }

    public QueryPartitions(IDataModel model, long dataSeed, TablePlan table, ReadTarget target)
    {
        this.model = model;
        this.dataSeed = dataSeed;
        this.table = table;
        this.target = target;
        // Only a data set bound to its key design knows its templates; plain models have one partition per key.
        if (model is not DataSetModel design)
            return;
        var keys = design.KeysFor(table);
        // A local index shares the table's partition key, and with it the table's sharding.
        var template = target.Partition.Name == table.PartitionKey.Name
            ? keys.PartitionKey
            : keys.Attributes.FirstOrDefault(a => a.Name == target.Partition.Name).Template;
        if (template is { ShardCount: > 1 })
        {
            shardedTemplate = template;
            shards = template.ShardCount;
        }
    }

    /// <summary>Partition values per query: 1, or the shard count.</summary>
    public int Count => shards;

    public AttributeValue[] For(long index)
    {
        if (shardedTemplate is { } template)
        {
            // One generation serves every shard: the template reads the item's fields, only the shard differs.
            var item = model.CreateItem(dataSeed, index, table);
            var values = new AttributeValue[shards];
            for (int shard = 0; shard < shards; shard++)
                values[shard] = template.RenderAs(target.Partition.Type, item, index, shard);
            return values;
        }

        if (target.Partition.Name == table.PartitionKey.Name)
            return [model.KeyOf(index, table)[target.Partition.Name]];
        // An index is keyed by data attributes: the drawn item's own value finds the partition it sits in.
        return [model.CreateItem(dataSeed, index, table)[target.Partition.Name]];
    }
}
