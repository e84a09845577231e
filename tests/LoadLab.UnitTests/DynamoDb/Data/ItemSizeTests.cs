using System.Text;
using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

public sealed class ItemSizeTests
{
    [Fact]
    public void Documented_example_shirt_color_and_size_is_23_bytes()
    {
        // CapacityUnitCalculations.html: "shirt-color" = "R" and "shirt-size" = "M" make an item of 23 bytes.
        var item = new Dictionary<string, AttributeValue>
        {
            ["shirt-color"] = new() { S = "R" },
            ["shirt-size"] = new() { S = "M" },
        };

        Assert.Equal(23, ItemSize.Of(item));
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("0.000", 1)]
    [InlineData("1", 2)]
    [InlineData("15", 2)]
    [InlineData("100", 2)]
    [InlineData("1.5", 3)]
    [InlineData("12.34", 3)]
    [InlineData("123.45", 4)]
    [InlineData("-1", 3)]
    [InlineData("007", 2)]
    [InlineData("1.50", 3)]
    [InlineData("15E-1", 3)]
    [InlineData("12345678901234567890123456789012345678", 20)]
    public void Numbers_take_one_byte_per_digit_pair_plus_one(string number, int bytes)
    {
        Assert.Equal(bytes, ItemSize.OfNumber(number));
    }

    [Fact]
    public void Strings_count_utf8_bytes_in_names_and_values()
    {
        var item = new Dictionary<string, AttributeValue> { ["größe"] = new() { S = "€1" } };

        Assert.Equal(Encoding.UTF8.GetByteCount("größe") + Encoding.UTF8.GetByteCount("€1"), ItemSize.Of(item));
        Assert.Equal(7 + 4, ItemSize.Of(item));
    }

    [Fact]
    public void Binary_counts_raw_bytes_and_bool_and_null_one_byte()
    {
        Assert.Equal(16, ItemSize.OfValue(new AttributeValue { B = new MemoryStream(new byte[16]) }));
        Assert.Equal(1, ItemSize.OfValue(new AttributeValue { BOOL = false }));
        Assert.Equal(1, ItemSize.OfValue(new AttributeValue { NULL = true }));
    }

    [Fact]
    public void Lists_and_maps_cost_three_bytes_plus_one_per_element_and_map_keys()
    {
        Assert.Equal(3, ItemSize.OfValue(new AttributeValue { L = [] }));
        Assert.Equal(3, ItemSize.OfValue(new AttributeValue { M = [] }));
        // 3 + 2 elements + N "1" (2) + S "ab" (2)
        Assert.Equal(9, ItemSize.OfValue(new AttributeValue { L = [new() { N = "1" }, new() { S = "ab" }] }));
        // 3 + 1 element + key "a" (1) + S "b" (1)
        Assert.Equal(6, ItemSize.OfValue(new AttributeValue { M = new() { ["a"] = new() { S = "b" } } }));
        var nested = new AttributeValue { M = new() { ["l"] = new() { L = [new() { BOOL = true }] } } };
        // 3 + 1 + "l" (1) + (3 + 1 + 1)
        Assert.Equal(10, ItemSize.OfValue(nested));
    }

    [Fact]
    public void Sets_are_the_sum_of_their_elements()
    {
        Assert.Equal(3, ItemSize.OfValue(new AttributeValue { SS = ["ab", "c"] }));
        Assert.Equal(4, ItemSize.OfValue(new AttributeValue { NS = ["1", "22"] }));
        Assert.Equal(5, ItemSize.OfValue(new AttributeValue { BS = [new MemoryStream(new byte[2]), new MemoryStream(new byte[3])] }));
    }

    [Fact]
    public void Malformed_numbers_are_refused()
    {
        Assert.Throws<FormatException>(() => ItemSize.OfNumber("12a"));
        Assert.Throws<FormatException>(() => ItemSize.OfNumber(""));
        Assert.Throws<FormatException>(() => ItemSize.OfNumber("1e"));
    }

    [Fact]
    public void Empty_lists_and_maps_flagged_as_set_cost_three_bytes_whatever_the_sdk_collection_mode()
    {
        Assert.Equal(3, ItemSize.OfValue(new AttributeValue { L = [], IsLSet = true }));
        Assert.Equal(3, ItemSize.OfValue(new AttributeValue { M = [], IsMSet = true }));
    }
}
