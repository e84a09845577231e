using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>Batches are admitted per item: refused items come back unprocessed; all refused is an exception.</summary>
[Collection("local-target")]
public sealed class BatchAdmissionTests(LocalTargetFixture fixture)
{
    private static Func<Charge, ThrottleCause?> RefusePartitionB =>
        c => c.ItemKey.StartsWith("S:b", StringComparison.Ordinal)
            ? new ThrottleCause("Table" + c.Dimension + "KeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.Provisioned, c.Table, null)
            : null;

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task BatchWriteItem_returns_the_refused_items_as_UnprocessedItems_and_writes_the_rest(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();
        bed.Model.Refuse = RefusePartitionB;

        var result = await bed.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [table] = new[] { "a", "b", "c" }.Select(pk => new WriteRequest(new PutRequest(ProxyTestBed.Item(pk, "1")))).ToList(),
            },
            ReturnConsumedCapacity = "TOTAL",
        });

        var unprocessed = Assert.Single(result.UnprocessedItems[table]);
        Assert.Equal("b", unprocessed.PutRequest.Item["pk"].S);
        Assert.Equal(2, Assert.Single(result.ConsumedCapacity).CapacityUnits);
        bed.Model.Refuse = _ => null;
        var scan = await bed.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        Assert.Equal(["a", "c"], scan.Items.Select(i => i["pk"].S).Order());
        Assert.Equal(1, bed.Proxy.RequestStatistics.PartiallyThrottledAttempts);
    }

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task BatchGetItem_returns_the_refused_keys_as_UnprocessedKeys(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();
        foreach (string pk in new[] { "a", "b" })
            await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item(pk, "1") });
        bed.Model.Refuse = RefusePartitionB;

        var result = await bed.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [table] = new KeysAndAttributes { Keys = [ProxyTestBed.Key("a", "1"), ProxyTestBed.Key("b", "1")], ConsistentRead = true } },
        });

        Assert.Equal("a", Assert.Single(result.Responses[table])["pk"].S);
        var left = result.UnprocessedKeys[table];
        Assert.Equal("b", Assert.Single(left.Keys)["pk"].S);
        Assert.True(left.ConsistentRead);
    }

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task A_batch_with_every_item_refused_is_the_throttling_exception(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();
        bed.Model.Refuse = RefusePartitionB;

        var ex = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => bed.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [table] = [new WriteRequest(new PutRequest(ProxyTestBed.Item("b", "1"))), new WriteRequest(new PutRequest(ProxyTestBed.Item("b", "2")))] },
        }));

        Assert.Equal("TableWriteKeyRangeThroughputExceeded", Assert.Single(ex.ThrottlingReasons).Reason);
    }
}
