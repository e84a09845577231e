using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.Capacity.Proxy;
using static LoadLab.UnitTests.Capacity.Proxy.Items;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Batches: per-item pricing and admission, sub-batch forwarding, merged unprocessed items. Transactions: ×2, all or nothing.</summary>
public sealed class BatchAndTransactionTests
{
    private static Func<Charge, ThrottleCause?> RefusePartition(string pk) =>
        c => c.ItemKey.StartsWith("S:" + pk, StringComparison.Ordinal) ? ScriptedCapacityModel.Cause(c, "KeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.Provisioned) : null;

    private static string Write(string pk, int payload = 0) => "{\"PutRequest\":{\"Item\":" + Item(pk, "1", payload) + "}}";

    [Fact]
    public async Task BatchWriteItem_rounds_each_item_separately()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();

        await harness.SendAsync("BatchWriteItem", "{\"RequestItems\":{\"Orders\":[" + Write("a", 490) + "," + Write("b", 3570) + "]}}");

        Assert.Equal(5, harness.Model.SettledCharges.Sum(c => c.Units)); // 500 B + 3,580 B → 1 + 4
    }

    [Fact]
    public async Task Refused_writes_are_not_forwarded_and_are_merged_with_the_emulators_unprocessed_items()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Model.Refuse = RefusePartition("b");
        harness.Upstream.Answer = (_, _) => (200, "{\"UnprocessedItems\":{\"Orders\":[" + Write("c") + "]}}");

        var reply = await harness.SendAsync("BatchWriteItem", "{\"RequestItems\":{\"Orders\":[" + Write("a") + "," + Write("b") + "," + Write("c") + "]},\"ReturnConsumedCapacity\":\"TOTAL\"}");

        var forwarded = harness.Upstream.LastBody("BatchWriteItem").GetProperty("RequestItems").GetProperty("Orders");
        Assert.Equal(["a", "c"], forwarded.EnumerateArray().Select(PkOf));
        Assert.Equal(200, reply.Status);
        Assert.Equal(["c", "b"], reply.Json.GetProperty("UnprocessedItems").GetProperty("Orders").EnumerateArray().Select(PkOf).Order().Reverse());
        Assert.Equal(1, Assert.Single(reply.Json.GetProperty("ConsumedCapacity").EnumerateArray()).GetProperty("CapacityUnits").GetDouble()); // only a was written
        Assert.Equal(1, harness.Statistics.PartiallyThrottledAttempts);
    }

    [Fact]
    public async Task A_batch_with_every_item_refused_is_the_exception_and_nothing_is_forwarded()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Model.Refuse = RefusePartition("b");

        var reply = await harness.SendAsync("BatchWriteItem", "{\"RequestItems\":{\"Orders\":[" + Write("b") + "]}}");

        Assert.Equal(400, reply.Status);
        Assert.EndsWith("#ProvisionedThroughputExceededException", reply.Type);
        Assert.DoesNotContain("BatchWriteItem", harness.Upstream.Operations);
    }

    [Fact]
    public async Task BatchGetItem_prices_keys_one_by_one_and_returns_refused_keys_with_their_table_options()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Model.Refuse = RefusePartition("c");
        harness.Upstream.Answer = (_, _) => (200, "{\"Responses\":{\"Orders\":[" + Item("a", "1", 1526) + "," + Item("b", "1", 6646) + "]},\"UnprocessedKeys\":{}}");

        var reply = await harness.SendAsync("BatchGetItem", """
            {"RequestItems":{"Orders":{"Keys":[{"pk":{"S":"a"},"sk":{"S":"1"}},{"pk":{"S":"b"},"sk":{"S":"1"}},{"pk":{"S":"c"},"sk":{"S":"1"}}],
             "ConsistentRead":true,"ProjectionExpression":"pk, sk, payload"}},"ReturnConsumedCapacity":"INDEXES"}
            """);

        Assert.Equal(3, harness.Model.SettledCharges.Sum(c => c.Units)); // 1.5 KB + 6.5 KB → 4 KB + 8 KB = 3, not 2
        var left = reply.Json.GetProperty("UnprocessedKeys").GetProperty("Orders");
        Assert.Equal(["c"], left.GetProperty("Keys").EnumerateArray().Select(k => k.GetProperty("pk").GetProperty("S").GetString()));
        Assert.True(left.GetProperty("ConsistentRead").GetBoolean());
        Assert.Equal("pk, sk, payload", left.GetProperty("ProjectionExpression").GetString());
        var consumed = Assert.Single(reply.Json.GetProperty("ConsumedCapacity").EnumerateArray());
        Assert.Equal(3, consumed.GetProperty("Table").GetProperty("CapacityUnits").GetDouble());
        Assert.False(consumed.TryGetProperty("GlobalSecondaryIndexes", out _)); // BatchGetItem never reports indexes
    }

    [Fact]
    public async Task TransactWriteItems_doubles_the_table_arm_not_the_index_arm()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();

        var reply = await harness.SendAsync("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"Orders\",\"Item\":" + Item("a", "1", 3000, "new") + "}},"
            + "{\"ConditionCheck\":{\"TableName\":\"Orders\",\"Key\":" + Key("z", "1") + ",\"ConditionExpression\":\"attribute_not_exists(pk)\"}}],\"ReturnConsumedCapacity\":\"INDEXES\"}");

        var settled = ProxyReply.ByResource(harness.Model.SettledCharges);
        Assert.Equal(6 + 2, settled["Orders"]); // put 3,015 B → 3 × 2; condition check on a missing item → 2
        Assert.Equal(3, settled["Orders/byStatus"]); // index arm ×1
        var consumed = Assert.Single(reply.Json.GetProperty("ConsumedCapacity").EnumerateArray());
        Assert.Equal(11, consumed.GetProperty("WriteCapacityUnits").GetDouble());
        Assert.Equal(8, consumed.GetProperty("Table").GetProperty("WriteCapacityUnits").GetDouble());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_refused_transaction_is_refused_whole_in_the_configured_style(bool cancelled)
    {
        using var harness = new ProxyHarness(new ThrottleEmissionOptions { TransactionStyle = cancelled ? TransactionThrottleStyle.TransactionCanceled : TransactionThrottleStyle.TopLevelException });
        await harness.CreateOrdersAsync();
        harness.Model.Refuse = RefusePartition("b");

        var reply = await harness.SendAsync("TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"Orders\",\"Item\":" + Item("a", "1") + "}},{\"Put\":{\"TableName\":\"Orders\",\"Item\":" + Item("b", "1") + "}}]}");

        Assert.Equal(400, reply.Status);
        Assert.EndsWith(cancelled ? "#TransactionCanceledException" : "#ProvisionedThroughputExceededException", reply.Type);
        Assert.DoesNotContain("TransactWriteItems", harness.Upstream.Operations);
    }

    private static string? PkOf(JsonElement write) => write.GetProperty("PutRequest").GetProperty("Item").GetProperty("pk").GetProperty("S").GetString();
}
