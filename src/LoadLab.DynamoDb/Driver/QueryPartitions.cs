using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Data.Keys;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// The partition key values one query reads for the drawn item: its partition, or with write sharding
/// (<c>{tenantId}#{shard(10)}</c>) the same logical key in every shard, as an application must read it back.
/// </summary>
internal sealed class QueryPartitions
{
    private readonly DriverContext context;
    private readonly ReadTarget target;

    // Set when the key design shards the partition key the query uses (the table's or the index's).
    private readonly KeyTemplate? shardedTemplate;
    private readonly int shards = 1;

    public QueryPartitions(DriverContext context, ReadTarget target)
    {
        this.context = context;
        this.target = target;
        // Only a data set bound to its key design knows its templates; plain models have one partition per key.
        if (context.Model is not DataSetModel design)
            return;
        var keys = design.KeysFor(context.Table);
        // A local index shares the table's partition key, and with it the table's sharding.
        var template = target.Partition.Name == context.Table.PartitionKey.Name
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
            var item = context.Model.CreateItem(context.DataSeed, index, context.Table);
            var values = new AttributeValue[shards];
            for (int shard = 0; shard < shards; shard++)
                values[shard] = template.RenderAs(target.Partition.Type, item, index, shard);
            return values;
        }

        if (target.Partition.Name == context.Table.PartitionKey.Name)
            return [context.Model.KeyOf(index, context.Table)[target.Partition.Name]];
        // An index is keyed by data attributes: the drawn item's own value finds the partition it sits in.
        return [context.Model.CreateItem(context.DataSeed, index, context.Table)[target.Partition.Name]];
    }
}
