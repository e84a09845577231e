using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Sizing;
using static LoadLab.UnitTests.Capacity.Proxy.Items;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Read pricing per M3: GetItem, Query, Scan, TransactGetItems.</summary>
public sealed class ReadCostTests
{
    private const string GetA = """{"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"S":"1"}}""";

    [Fact]
    public async Task GetItem_of_a_missing_item_costs_half_a_unit_eventually_consistent_and_one_strongly()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();

        await harness.SendAsync("GetItem", GetA + "}");
        await harness.SendAsync("GetItem", GetA + ",\"ConsistentRead\":true}");

        Assert.Equal([0.5, 1], harness.Model.SettledCharges.Select(c => c.Units));
        Assert.All(harness.Model.SettledCharges, c => Assert.Equal(CapacityDimension.Read, c.Dimension));
    }

    [Fact]
    public async Task GetItem_is_charged_on_the_returned_item_and_admitted_on_one_block()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Upstream.Answer = (_, _) => (200, "{\"Item\":" + Item("a", "1", 5000) + "}");

        await harness.SendAsync("GetItem", GetA + ",\"ConsistentRead\":true}");

        Assert.Equal(1, Assert.Single(harness.Model.Admitted[^1]).Units); // unknown size: one block, debt mode settles the rest
        var charge = Assert.Single(harness.Model.SettledCharges);
        Assert.Equal(2, charge.Units); // 5,013 bytes → 2 blocks
        Assert.Equal(KeyCodec.PartitionHash("S:a"), charge.PartitionHash);
        Assert.Equal("S:a" + KeyCodec.Separator + "S:1", charge.ItemKey);
    }

    [Fact]
    public async Task Query_sums_the_page_rounds_once_and_routes_to_its_partition_key()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Upstream.Answer = (_, _) => (200, "{\"Items\":[" + string.Join(",", Enumerable.Range(1, 3).Select(i => Item("a", i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1500))) + "],\"Count\":3,\"ScannedCount\":3}");

        await harness.SendAsync("Query", """{"TableName":"Orders","KeyConditionExpression":"#k = :v","ExpressionAttributeNames":{"#k":"pk"},"ExpressionAttributeValues":{":v":{"S":"a"}}}""");

        var charge = Assert.Single(harness.Model.SettledCharges);
        Assert.Equal(1, charge.Units); // 3 × 1,513 = 4,539 bytes → 2 blocks, eventually consistent
        Assert.Equal(KeyCodec.PartitionHash("S:a"), charge.PartitionHash);
        Assert.Equal(KeyCodec.PartitionHash("S:a"), Assert.Single(harness.Model.Admitted[^1]).PartitionHash);
    }

    [Fact]
    public async Task A_filtered_Query_is_priced_on_an_unfiltered_side_read_with_only_the_key_placeholders()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Upstream.Answer = (op, body) => body.TryGetProperty("FilterExpression", out _)
            ? (200, "{\"Items\":[],\"Count\":0,\"ScannedCount\":2}")
            : (200, "{\"Items\":[" + Item("a", "1", 4000) + "," + Item("a", "2", 4000) + "],\"Count\":2,\"ScannedCount\":2}");

        var reply = await harness.SendAsync("Query", """
            {"TableName":"Orders","KeyConditionExpression":"pk = :v","FilterExpression":"#s = :s","ProjectionExpression":"#s",
             "ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":v":{"S":"a"},":s":{"S":"new"}},
             "ConsistentRead":true,"ReturnConsumedCapacity":"TOTAL"}
            """);

        var side = harness.Upstream.LastBody("Query");
        Assert.False(side.TryGetProperty("FilterExpression", out _));
        Assert.False(side.TryGetProperty("ProjectionExpression", out _));
        Assert.False(side.TryGetProperty("ExpressionAttributeNames", out _));
        Assert.Equal([":v"], side.GetProperty("ExpressionAttributeValues").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, Assert.Single(harness.Model.SettledCharges).Units); // 8,016 bytes read → 2 blocks SC
        Assert.Equal(2, reply.Json.GetProperty("ConsumedCapacity").GetProperty("CapacityUnits").GetDouble());
        Assert.Equal(0, reply.Json.GetProperty("Count").GetInt32()); // the client still gets its filtered page
    }

    [Fact]
    public async Task A_GSI_query_is_eventually_consistent_and_charged_to_the_index()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Upstream.Answer = (_, _) => (200, "{\"Items\":[" + Item("a", "1", 5000, "new") + "],\"Count\":1}");

        await harness.SendAsync("Query", """{"TableName":"Orders","IndexName":"byStatus","KeyConditionExpression":"status = :s","ExpressionAttributeValues":{":s":{"S":"new"}}}""");

        var charge = Assert.Single(harness.Model.SettledCharges);
        Assert.Equal("byStatus", charge.Index);
        Assert.Equal(1, charge.Units); // 5,022 bytes → 2 blocks × 0.5
        Assert.Equal(KeyCodec.PartitionHash("S:new"), charge.PartitionHash);
    }

    [Fact]
    public async Task Scan_spreads_its_charge_over_the_partitions_it_read_in_proportion_to_bytes()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Upstream.Answer = (_, _) => (200, "{\"Items\":[" + Item("a", "1", 6000) + "," + Item("b", "1", 2000) + "],\"Count\":2}");

        await harness.SendAsync("Scan", """{"TableName":"Orders","ConsistentRead":true}""");

        var charges = harness.Model.SettledCharges.ToDictionary(c => c.PartitionHash, c => c.Units);
        Assert.Equal(2, charges.Values.Sum()); // 6,013 + 2,013 = 8,026 bytes → 2 blocks
        Assert.Equal(2 * 6013.0 / 8026, charges[KeyCodec.PartitionHash("S:a")], 6);
        Assert.Equal(2 * 2013.0 / 8026, charges[KeyCodec.PartitionHash("S:b")], 6);
    }

    [Fact]
    public async Task TransactGetItems_costs_two_units_per_4_KB_and_mirrors_read_units()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        // The proxy reads each item itself (dynalite has no TransactGetItems): a is there, b is not.
        harness.Upstream.Answer = (op, body) => op == "GetItem" && body.GetProperty("Key").GetProperty("pk").GetProperty("S").GetString() == "a"
            ? (200, "{\"Item\":" + Item("a", "1", 8000) + "}")
            : (200, "{}");

        var reply = await harness.SendAsync("TransactGetItems", """
            {"TransactItems":[{"Get":{"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"S":"1"}}}},{"Get":{"TableName":"Orders","Key":{"pk":{"S":"b"},"sk":{"S":"1"}}}}],
             "ReturnConsumedCapacity":"TOTAL"}
            """);

        Assert.Equal([4d, 2d], harness.Model.SettledCharges.Select(c => c.Units)); // 8,006 B → 2 blocks × 2; missing → 2
        var consumed = Assert.Single(reply.Json.GetProperty("ConsumedCapacity").EnumerateArray());
        Assert.Equal(6, consumed.GetProperty("CapacityUnits").GetDouble());
        Assert.Equal(6, consumed.GetProperty("ReadCapacityUnits").GetDouble());
        var responses = reply.Json.GetProperty("Responses").EnumerateArray().ToList();
        Assert.Equal("a", responses[0].GetProperty("Item").GetProperty("pk").GetProperty("S").GetString());
        Assert.False(responses[1].TryGetProperty("Item", out _));
    }
}
