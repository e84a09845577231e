using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Data;

/// <summary>
/// Generates the items of a data set. Item i depends on (seed, i) alone, never on thread or call order, so seeding in
/// parallel, re-seeding, and the executor all agree on what item i is.
/// </summary>
public interface IDataModel
{
    /// <summary>The name suites use, e.g. <c>customer</c>.</summary>
    string Name { get; }

    /// <summary>A complete item, key attributes of <paramref name="table"/> included. Returns a new dictionary each call.</summary>
    Dictionary<string, AttributeValue> CreateItem(long seed, long index, TablePlan table);

    /// <summary>The key of item <paramref name="index"/>: the table's partition key and, if it has one, its sort key.</summary>
    Dictionary<string, AttributeValue> KeyOf(long index, TablePlan table);

    /// <summary>
    /// How many partition key values one logical partition key is spread over by write sharding (<c>{shard(N)}</c> in
    /// the partition key template); 1 without sharding. A query for everything under item i's logical key asks all of
    /// them with <see cref="PartitionKeyOf"/>.
    /// </summary>
    int PartitionShards(TablePlan table) => 1;

    /// <summary>The partition key value of item <paramref name="index"/> in shard <paramref name="shard"/> (0 … <see cref="PartitionShards"/> - 1).</summary>
    AttributeValue PartitionKeyOf(long index, int shard, TablePlan table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return KeyOf(index, table)[table.PartitionKey.Name];
    }
}
