using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Sizing;
using static LoadLab.UnitTests.Capacity.Proxy.Items;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Write pricing per docs/capacity-model.md §5, §6 and §8: PutItem, UpdateItem, DeleteItem, failed conditions, index arms.</summary>
public sealed class WriteCostTests
{
    [Fact]
    public async Task PutItem_of_a_new_item_charges_the_table_and_the_new_index_entry()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();

        await harness.SendAsync("PutItem", Put(Item("a", "1", 1100, "new"))); // 1,122 bytes → 2 units

        var settled = ProxyReply.ByResource(harness.Model.SettledCharges);
        Assert.Equal(2, settled["Orders"]);
        Assert.Equal(2, settled["Orders/byStatus"]);
        Assert.Equal([("Orders", Size("a", "1", 1100, "new") + 100L)], harness.Model.StoredBytes); // + the per-item billing overhead
        var index = harness.Model.SettledCharges.Single(c => c.Index == "byStatus");
        Assert.Equal(KeyCodec.PartitionHash("S:new"), index.PartitionHash); // routed by the index's partition key
    }

    [Fact]
    public async Task PutItem_replacing_an_item_charges_the_larger_image_and_the_changed_entry()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        await harness.SendAsync("PutItem", Put(Item("a", "1", 3000, "new"))); // 3,015 bytes
        harness.Model.Settled.Clear();

        await harness.SendAsync("PutItem", Put(Item("a", "1", 500, "new"))); // 515 bytes, same index key

        var settled = ProxyReply.ByResource(harness.Model.SettledCharges);
        Assert.Equal(3, settled["Orders"]);
        Assert.Equal(3, settled["Orders/byStatus"]); // same key, projection changed: the larger of 3 and 1
        Assert.Equal(500L - 3000, harness.Model.StoredBytes[^1].Delta); // the item was there before and after: no overhead change
    }

    [Fact]
    public async Task A_moved_index_key_is_two_index_writes_and_an_unchanged_keys_only_entry_none()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync("{\"ProjectionType\":\"KEYS_ONLY\"}");
        await harness.SendAsync("PutItem", Put(Item("a", "1", 100, "new")));
        harness.Model.Settled.Clear();

        await harness.SendAsync("PutItem", Put(Item("a", "1", 200, "new"))); // only a non-projected attribute changed
        var unchanged = harness.Model.SettledCharges.Where(c => c.Index is not null).ToList();
        harness.Model.Settled.Clear();
        await harness.SendAsync("PutItem", Put(Item("a", "1", 200, "done")));
        var moved = harness.Model.SettledCharges.Where(c => c.Index is not null).ToList();

        Assert.Empty(unchanged);
        Assert.Equal(2, moved.Count);
        Assert.Equal([KeyCodec.PartitionHash("S:new"), KeyCodec.PartitionHash("S:done")], moved.Select(c => c.PartitionHash));
    }

    [Fact]
    public async Task An_item_without_the_index_key_is_not_in_the_index()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();

        await harness.SendAsync("PutItem", Put(Item("a", "1", 100)));

        Assert.All(harness.Model.SettledCharges, c => Assert.Null(c.Index));
    }

    [Fact]
    public async Task DeleteItem_of_a_missing_item_costs_one_unit_and_of_an_existing_one_its_size_and_entry()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        await harness.SendAsync("DeleteItem", """{"TableName":"Orders","Key":{"pk":{"S":"x"},"sk":{"S":"1"}}}""");
        var missing = ProxyReply.ByResource(harness.Model.SettledCharges);
        await harness.SendAsync("PutItem", Put(Item("a", "1", 2500, "new")));
        harness.Model.Settled.Clear();

        await harness.SendAsync("DeleteItem", """{"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"S":"1"}}}""");

        Assert.Equal(new Dictionary<string, double> { ["Orders"] = 1 }, missing);
        var settled = ProxyReply.ByResource(harness.Model.SettledCharges);
        Assert.Equal(3, settled["Orders"]);
        Assert.Equal(3, settled["Orders/byStatus"]);
    }

    [Fact]
    public async Task A_failed_condition_charges_the_larger_image_when_the_item_exists_and_one_unit_when_not()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        await harness.SendAsync("PutItem", Put(Item("a", "1", 3000, "new")));
        harness.Model.Settled.Clear();
        harness.Upstream.Answer = (op, _) => FakeUpstream.Error("ConditionalCheckFailedException", "The conditional request failed");

        var existing = await harness.SendAsync("PutItem", Put(Item("a", "1", 100, "new"), ",\"ConditionExpression\":\"attribute_not_exists(pk)\""));
        var existingCharges = harness.Model.SettledCharges.ToList();
        harness.Model.Settled.Clear();
        await harness.SendAsync("PutItem", Put(Item("b", "1", 100), ",\"ConditionExpression\":\"attribute_exists(pk)\""));

        Assert.Equal(400, existing.Status);
        Assert.EndsWith("ConditionalCheckFailedException", existing.Type);
        Assert.Equal(3, Assert.Single(existingCharges).Units); // table only, no index arm
        Assert.Equal(1, Assert.Single(harness.Model.SettledCharges).Units);
    }

    [Fact]
    public async Task UpdateItem_asks_the_emulator_for_the_new_image_and_charges_the_larger_of_before_and_after()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        await harness.SendAsync("PutItem", Put(Item("a", "1", 100, "new")));
        harness.Model.Settled.Clear();
        harness.Upstream.Answer = (op, _) => op == "UpdateItem" ? (200, "{\"Attributes\":" + Item("a", "1", 2000, "new") + "}") : (200, "{}");

        var reply = await harness.SendAsync("UpdateItem", """
            {"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"S":"1"}},"UpdateExpression":"SET payload = :p",
             "ExpressionAttributeValues":{":p":{"S":"..."}},"ReturnConsumedCapacity":"TOTAL"}
            """);

        Assert.Equal("ALL_NEW", harness.Upstream.LastBody("UpdateItem").GetProperty("ReturnValues").GetString());
        Assert.False(reply.Json.TryGetProperty("Attributes", out _)); // the client asked for none
        var settled = ProxyReply.ByResource(harness.Model.SettledCharges);
        Assert.Equal(2, settled["Orders"]); // 2,015 bytes after
        Assert.Equal(2, settled["Orders/byStatus"]);
        Assert.Equal(4, reply.Json.GetProperty("ConsumedCapacity").GetProperty("CapacityUnits").GetDouble());
    }

    [Fact]
    public async Task An_item_over_400_KB_is_a_ValidationException_and_never_forwarded()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();

        var reply = await harness.SendAsync("PutItem", Put(Item("a", "1", 410 * 1024)));

        Assert.Equal(400, reply.Status);
        Assert.Equal("com.amazon.coral.validate#ValidationException", reply.Type);
        Assert.Equal("Item size has exceeded the maximum allowed size", reply.Json.GetProperty("message").GetString());
        Assert.DoesNotContain("PutItem", harness.Upstream.Operations);
        Assert.DoesNotContain(harness.Model.Admitted, charges => charges.Any(c => c.Dimension == CapacityDimension.Write));
    }

    [Fact]
    public async Task A_table_created_before_the_proxy_is_learned_lazily_and_old_images_fetched_once()
    {
        using var harness = new ProxyHarness();
        harness.Upstream.Answer = (op, body) => op switch
        {
            "DescribeTable" => (200, """{"Table":{"TableName":"Orders","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},"TableStatus":"ACTIVE"}}"""),
            "GetItem" => (200, "{\"Item\":" + Item("a", "1", 3000) + "}"),
            _ => (200, "{}"),
        };

        await harness.SendAsync("PutItem", Put(Item("a", "1", 100)));
        await harness.SendAsync("PutItem", Put(Item("a", "1", 100)));

        Assert.Equal(["DescribeTable", "GetItem", "PutItem", "PutItem"], harness.Upstream.Operations);
        Assert.Equal((CapacityBillingMode.Provisioned, 5d), (harness.Model.Created.Single().Mode, harness.Model.Created.Single().WriteUnits));
        Assert.Equal([3d, 1d], harness.Model.SettledCharges.Select(c => c.Units)); // first replaces a stored 3 KB item
    }
}
