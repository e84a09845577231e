using System.Text;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Driver;

/// <summary>Plan values (no AWS types in Core) as SDK attribute values.</summary>
internal static class AttributeValues
{
    public static AttributeValue From(ExpressionValue value) => value.Type switch
    {
        ExpressionValueType.Number => new AttributeValue { N = value.Text },
        ExpressionValueType.Boolean => new AttributeValue { BOOL = value.Text == "true" },
        _ => new AttributeValue { S = value.Text },
    };

    /// <summary>A key value in the key attribute's declared type; B keys take the UTF-8 bytes, as <c>ItemKeys</c> writes them.</summary>
    public static AttributeValue OfKeyType(KeyAttribute key, string text) => key.Type switch
    {
        "N" => new AttributeValue { N = text },
        "B" => new AttributeValue { B = new MemoryStream(Encoding.UTF8.GetBytes(text)) },
        _ => new AttributeValue { S = text },
    };
}
