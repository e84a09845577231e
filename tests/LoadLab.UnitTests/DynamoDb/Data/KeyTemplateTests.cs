using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Data.Keys;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.UnitTests.DynamoDb.DataDesign;

public sealed class KeyTemplateTests
{
    private static readonly ModelSchema Orders = Schema("order");

    private static readonly Dictionary<string, AttributeValue> Order = new()
    {
        ["orderId"] = new() { N = "42" },
        ["customerId"] = new() { N = "7" },
        ["status"] = new() { S = "PAID" },
        ["createdAt"] = new() { S = "2024-03-09T17:05:00Z" },
        ["total"] = new() { N = "12.50" },
        ["shippingAddress"] = new() { M = new() { ["city"] = new() { S = "Springfield" } } },
    };

    [Theory]
    [InlineData("CUSTOMER#{customerId}", "CUSTOMER#7")]
    [InlineData("ORDER#{createdAt:yyyy-MM-dd}#{orderId:D10}", "ORDER#2024-03-09#0000000042")]
    [InlineData("{createdAt:yyyy-MM}", "2024-03")]
    [InlineData("{createdAt}", "2024-03-09T17:05:00Z")]
    [InlineData("{status}#{shippingAddress.city}", "PAID#Springfield")]
    [InlineData("{total:0.0}|{total:D4}", "12.5|0012")]
    [InlineData("{{literal}}#{index:D6}", "{literal}#000099")]
    [InlineData("PROFILE", "PROFILE")]
    public void Renders_fields_with_their_formats(string template, string expected)
    {
        Assert.Equal(expected, KeyTemplate.Parse(template, Orders).Render(Order, 99));
    }

    [Fact]
    public void Shards_are_a_hash_of_the_index_spread_evenly_and_can_be_overridden()
    {
        var template = KeyTemplate.Parse("{status}#{shard(10)}", Orders);

        var shards = Enumerable.Range(0, 10_000).Select(i => template.Render(Order, i)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(10, template.ShardCount);
        Assert.Equal(10, shards.Count);
        Assert.All(shards.Values, n => Assert.InRange(n, 850, 1150));
        Assert.Equal(template.Render(Order, 1234), template.Render(Order, 1234));
        Assert.Equal("PAID#7", template.Render(Order, 1234, shard: 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => template.Render(Order, 1, shard: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyTemplate.Parse("{status}", Orders).Render(Order, 1, shard: 0));
    }

    [Theory]
    [InlineData("{customerId}", true)]
    [InlineData("{total}", true)]
    [InlineData("{customerId:D4}{shard(10)}", true)]
    [InlineData("{createdAt:yyyyMMdd}{index}", true)]
    [InlineData("{createdAt}", false)]
    [InlineData("C{customerId}", false)]
    [InlineData("{total}{index}", false)]
    public void Knows_which_templates_always_make_numbers(string template, bool numeric)
    {
        Assert.Equal(numeric, KeyTemplate.Parse(template, Orders).IsNumeric);
    }

    [Fact]
    public void An_unknown_field_lists_the_fields_and_carries_them_for_a_suggestion()
    {
        var ex = Assert.Throws<DataDesignException>(() => KeyTemplate.Parse("CUSTOMER#{custId}", Orders));

        Assert.Contains("unknown field 'custId' in template 'CUSTOMER#{custId}'; order fields: orderId, customerId, status", ex.Message, StringComparison.Ordinal);
        Assert.Equal("custId", ex.Unknown);
        Assert.Contains("customerId", ex.Candidates);
        Assert.Contains("shippingAddress.city", ex.Candidates);
    }

    [Theory]
    [InlineData("{status:D4}", "'status' is a string (S); formats apply to numbers")]
    [InlineData("{lineItems}", "'lineItems' is a list (L); templates take strings")]
    [InlineData("{orderId:yyyy}", "'orderId:yyyy' does not show the number")]
    [InlineData("{createdAt:D8}", "'createdAt:D8' does not show the date")]
    [InlineData("A{status", "'{' at character 2 is not closed")]
    [InlineData("A}B", "'}' at character 2 closes nothing")]
    [InlineData("{shard(0)}", "expected shard(N) with N from 1 to 10,000")]
    [InlineData("{hash(5)}", "the only function is shard(N)")]
    [InlineData("{shard(2)}{shard(3)}", "the same N")]
    [InlineData("{}", "names no field")]
    [InlineData("", "the template is empty")]
    public void Malformed_templates_say_what_is_wrong(string template, string fragment)
    {
        var ex = Assert.Throws<DataDesignException>(() => KeyTemplate.Parse(template, Orders));

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    private static ModelSchema Schema(string model) =>
        DataModels.TryGetSchema(model, out var schema) ? schema : throw new InvalidOperationException(model);
}
