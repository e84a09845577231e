using System.Globalization;
using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data;

namespace LoadLab.DynamoDb.Driver;

/// <summary>The item a write sends: the seeded item of the index (same size and shape) with a new version and time.</summary>
internal static class ItemWrites
{
    public static Dictionary<string, AttributeValue> Item(DriverContext context, long index, long sequence) =>
        Refreshed(context.Model.CreateItem(context.DataSeed, index, context.Table), sequence, context.Time);

    /// <summary>The written item made of item <paramref name="item"/> as generated: a new version and time (the simulated executor shares it).</summary>
    public static Dictionary<string, AttributeValue> Refreshed(Dictionary<string, AttributeValue> item, long sequence, TimeProvider time)
    {
        // Seeded items carry version 1; sequence + 2 is always newer and repeats for the same seed.
        item[ItemAttributes.Version] = new AttributeValue { N = (sequence + 2).ToString(CultureInfo.InvariantCulture) };
        item[ItemAttributes.UpdatedAt] = new AttributeValue
        {
            S = time.GetUtcNow().UtcDateTime.ToString(ItemAttributes.TimestampFormat, CultureInfo.InvariantCulture),
        };
        return item;
    }

    /// <summary>The condition that makes a write an insert: no item with this key exists yet.</summary>
    public static string NotExists(ExpressionBuilder expressions, DriverContext context) =>
        $"attribute_not_exists({expressions.Name(context.Table.PartitionKey.Name)})";
}
