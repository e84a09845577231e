using System.Buffers;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Pricing;
using LoadLab.DynamoDb.Data;

namespace LoadLab.UnitTests.DynamoDb.Data;

public sealed class AttributeValueJsonTests
{
    private static Dictionary<string, AttributeValue> Item() => new(StringComparer.Ordinal)
    {
        ["pk"] = new() { S = "CUSTOMER#ü1" },
        ["sk"] = new() { S = "PROFILE" },
        ["n"] = new() { N = "-12.500" },
        ["b"] = new() { B = new MemoryStream([1, 2, 3, 4, 5]) },
        ["flag"] = new() { BOOL = false },
        ["nothing"] = new() { NULL = true },
        ["list"] = new() { L = [new() { S = "a" }, new() { N = "7" }] },
        ["map"] = new() { M = new Dictionary<string, AttributeValue> { ["inner"] = new() { S = "x\"y" } } },
        ["ss"] = new() { SS = ["a", "bb"] },
        ["ns"] = new() { NS = ["1", "22"] },
        ["bs"] = new() { BS = [new MemoryStream([9, 9])] },
    };

    [Fact]
    public void Writes_every_type_as_DynamoDB_wire_JSON()
    {
        string json = Write(Item());

        Assert.Equal(
            """{"pk":{"S":"CUSTOMER#\u00FC1"},"sk":{"S":"PROFILE"},"n":{"N":"-12.500"},"b":{"B":"AQIDBAU="},"flag":{"BOOL":false},"nothing":{"NULL":true},"list":{"L":[{"S":"a"},{"N":"7"}]},"map":{"M":{"inner":{"S":"x\u0022y"}}},"ss":{"SS":["a","bb"]},"ns":{"NS":["1","22"]},"bs":{"BS":["CQk="]}}""",
            json);
    }

    [Fact]
    public void The_simulator_sizes_the_written_item_as_the_generator_sizes_the_item()
    {
        using var document = JsonDocument.Parse(Write(Item()));
        using var table = JsonDocument.Parse("""{"TableName":"T","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}""");

        var image = TablePricing.FromCreateTable(table.RootElement, new CapacitySettings()).ImageOf(document.RootElement);

        Assert.Equal(ItemSize.Of(Item()), image.Bytes);
    }

    private static string Write(Dictionary<string, AttributeValue> item)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            AttributeValueJson.WriteItem(writer, item);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
