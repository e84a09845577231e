using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using static LoadLab.UnitTests.DynamoDb.Driver.DriverTestKit;

namespace LoadLab.UnitTests.DynamoDb.Driver;

// With write sharding a logical partition is spread over N partition key values; a query reads all of them.
public sealed class ShardedQueryTests
{
    private static readonly DataSetPlan Sharded = DataSet with
    {
        Model = "order",
        PartitionKeyTemplate = "STATUS#{status}#{shard(4)}",
        SortKeyTemplate = "ORDER#{orderId:D10}",
    };

    [Fact]
    public async Task A_query_fans_out_over_every_shard_and_adds_up_their_pages()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json(
            """{"Items":[],"Count":2,"ScannedCount":3,"ConsumedCapacity":""" + Consumed(0.5) + "}"));
        var model = DataModels.For(Sharded);
        var executor = new DynamoDbOperationExecutor(http.CreateClient(), Scenario(Op("query")), Table, Sharded, model, 42, null, NoBackoff);

        var outcome = await executor.Run(3);

        var partitions = http.Requests.Select(r => r.Body.GetProperty("ExpressionAttributeValues").GetProperty(":llpk").GetProperty("S").GetString()!).Order(StringComparer.Ordinal).ToList();
        var status = model.CreateItem(Sharded.Seed, executor.IndexOf(3), Table)["status"].S;
        Assert.Equal([.. Enumerable.Range(0, 4).Select(s => $"STATUS#{status}#{s}")], partitions);
        Assert.Equal((8, 12, 4), (outcome.ItemsReturned, outcome.ItemsScanned, outcome.Pages));
        Assert.Equal(2.0, outcome.ReadUnits, 9);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task Without_sharding_a_query_reads_one_partition()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("""{"Items":[],"Count":0,"ScannedCount":0}"""));
        var plain = Sharded with { PartitionKeyTemplate = "STATUS#{status}" };
        var executor = new DynamoDbOperationExecutor(http.CreateClient(), Scenario(Op("query")), Table, plain, DataModels.For(plain), 42, null, NoBackoff);

        await executor.Run();

        Assert.Single(http.Requests);
    }
}
