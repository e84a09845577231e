using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.BuiltIn;

/// <summary>
/// Makes the attributes of one item from an <see cref="ItemContext"/>: everything but keys, templates and padding,
/// which <see cref="DataSetModel"/> adds. Implementations are immutable and safe to share between threads.
/// </summary>
internal interface IItemGenerator
{
    string Name { get; }

    ModelSchema Schema { get; }

    /// <summary>Key templates used when the data set names none.</summary>
    KeyDefaults Keys { get; }

    void Generate(ItemContext context, Dictionary<string, AttributeValue> item);
}

/// <summary>
/// Default key templates for string (and binary) keys. Built-in defaults use only fields derived from the index, so
/// a get can rebuild the key of item i whatever the seed.
/// </summary>
/// <param name="PartitionOnly">The partition key of a table without a sort key: unique per item.</param>
/// <param name="Partition">The partition key of a table with a sort key: may group items (a customer's orders).</param>
/// <param name="Sort">The sort key: unique within its partition.</param>
/// <param name="NumericSort">The sort key when the table declares it N.</param>
internal sealed record KeyDefaults(string PartitionOnly, string Partition, string Sort, string NumericSort = "{index}")
{
    /// <summary>A numeric partition key holds the index: unique, and the sort key default still applies.</summary>
    public const string NumericPartition = "{index}";
}
