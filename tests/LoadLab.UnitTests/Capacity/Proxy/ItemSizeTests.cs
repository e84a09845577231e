using System.Text.Json;
using LoadLab.Capacity.Proxy.Sizing;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Item size rules of docs/capacity-model.md §3 (CapacityUnitCalculations.html).</summary>
public sealed class ItemSizeTests
{
    [Theory]
    [InlineData("""{"S":"hello"}""", 5)]
    [InlineData("""{"S":"héllo"}""", 6)] // UTF-8 bytes, not characters
    [InlineData("""{"S":"h\u00e9llo"}""", 6)] // escaped in the JSON, still the value's UTF-8 bytes
    [InlineData("""{"S":""}""", 0)]
    [InlineData("""{"B":"AQID"}""", 3)] // raw bytes, not the base64 text
    [InlineData("""{"B":"AQI="}""", 2)]
    [InlineData("""{"BOOL":true}""", 1)]
    [InlineData("""{"NULL":true}""", 1)]
    [InlineData("""{"L":[]}""", 3)] // an empty list costs 3 bytes
    [InlineData("""{"M":{}}""", 3)] // an empty map costs 3 bytes
    [InlineData("""{"L":[{"S":"ab"},{"BOOL":false}]}""", 3 + (1 + 2) + (1 + 1))] // 3 + 1 per element + elements
    [InlineData("""{"M":{"k":{"S":"ab"}}}""", 3 + 1 + 1 + 2)] // 3 + 1 per element + key bytes + value
    [InlineData("""{"SS":["a","bc"]}""", 3)] // sets: sum of elements, no overhead
    [InlineData("""{"NS":["1","12"]}""", 2 + 2)]
    [InlineData("""{"BS":["AQID","AQ=="]}""", 4)]
    public void Value_sizes(string value, long bytes)
    {
        Assert.Equal(bytes, ItemSizer.OfValue(JsonDocument.Parse(value).RootElement));
    }

    [Theory]
    [InlineData("0", 1)] // zero is 1 byte
    [InlineData("1", 2)] // 1 byte per two significant digits, + 1
    [InlineData("12", 2)]
    [InlineData("123", 3)]
    [InlineData("1234", 3)]
    [InlineData("-1", 3)] // + 1 when negative
    [InlineData("100", 2)] // trailing zeros of the integer part are trimmed (base-100 "1 × 100^1")
    [InlineData("0012", 2)] // leading zeros trimmed
    [InlineData("1.5", 3)] // pairs align on the decimal point: "01.50"
    [InlineData("12.50", 3)] // trailing zeros of the fraction trimmed: "12.5" → "12.50"
    [InlineData("0.05", 2)]
    [InlineData("1E2", 2)]
    [InlineData("12345678901234567890123456789012345678", 20)] // 38 significant digits
    public void Number_sizes(string number, int bytes)
    {
        Assert.Equal(bytes, DynamoNumber.SizeOf(System.Text.Encoding.UTF8.GetBytes(number)));
    }

    [Fact]
    public void An_item_is_the_sum_of_name_bytes_and_value_sizes()
    {
        var item = JsonDocument.Parse("""{"pk":{"S":"CUSTOMER#1"},"qty":{"N":"42"},"ok":{"BOOL":true},"ñame":{"S":"x"}}""").RootElement;

        Assert.Equal((2 + 10) + (3 + 2) + (2 + 1) + (5 + 1), ItemSizer.OfItem(item));
    }
}
