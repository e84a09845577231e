using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Data;

/// <summary>Builds key attribute values from an item index in whatever scalar type the table declares.</summary>
public static class ItemKeys
{
    /// <summary>
    /// Key of item <paramref name="index"/>: for an S partition key <c>{prefix}{index:D10}</c> (zero-padded so keys sort by
    /// index), for N the index itself, for B the UTF-8 bytes of the S form. A sort key, if any, gets <paramref name="sortValue"/>.
    /// </summary>
    public static Dictionary<string, AttributeValue> KeyOf(TablePlan table, string prefix, long index, string sortValue)
    {
        ArgumentNullException.ThrowIfNull(table);
        var key = new Dictionary<string, AttributeValue>(table.SortKey is null ? 1 : 2, StringComparer.Ordinal);
        AddKey(key, table, prefix, index, sortValue);
        return key;
    }

    /// <summary>Sets the key attributes in an existing item, overwriting any attribute of the same name.</summary>
    public static void AddKey(Dictionary<string, AttributeValue> item, TablePlan table, string prefix, long index, string sortValue)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(table);
        item[table.PartitionKey.Name] = table.PartitionKey.Type switch
        {
            "N" => new AttributeValue { N = index.ToString(CultureInfo.InvariantCulture) },
            var type => Scalar(type, prefix + index.ToString("D10", CultureInfo.InvariantCulture), table.PartitionKey.Name),
        };
        if (table.SortKey is { } sort)
        {
            item[sort.Name] = sort.Type switch
            {
                // A numeric sort key cannot hold a label; 0 is the one profile row per partition.
                "N" => new AttributeValue { N = "0" },
                var type => Scalar(type, sortValue, sort.Name),
            };
        }
    }

    private static AttributeValue Scalar(string type, string text, string attribute) => type switch
    {
        "S" => new AttributeValue { S = text },
        "B" => new AttributeValue { B = new MemoryStream(Encoding.UTF8.GetBytes(text)) },
        _ => throw new ArgumentException($"Key attribute '{attribute}' has type '{type}'; allowed types are S, N and B.", nameof(type)),
    };
}
