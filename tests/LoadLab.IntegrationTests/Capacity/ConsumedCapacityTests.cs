using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>The ConsumedCapacity the SDK reads is what the model was charged, in the shape the client asked for.</summary>
[Collection("local-target")]
public sealed class ConsumedCapacityTests(LocalTargetFixture fixture)
{
    // pk "a" (2+1) + sk "1" (2+1) + payload (7+2500) + status "new" (6+3) = 2,522 bytes → 3 write units; the GSI (ALL) the same.
    private const int Payload = 2500;

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task PutItem_with_INDEXES_reports_the_table_and_GSI_units_the_model_was_settled_with(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync(withIndex: true);

        var put = await bed.Client.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = ProxyTestBed.Item("a", "1", Payload, status: "new"),
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        });

        var settled = bed.Model.SettledCharges;
        double tableUnits = settled.Where(c => c.Index is null).Sum(c => c.Units);
        double indexUnits = settled.Where(c => c.Index == "byStatus").Sum(c => c.Units);
        Assert.Equal(3, tableUnits);
        Assert.Equal(3, indexUnits);
        Assert.Equal(table, put.ConsumedCapacity.TableName);
        Assert.Equal(tableUnits + indexUnits, put.ConsumedCapacity.CapacityUnits);
        Assert.Equal(tableUnits, put.ConsumedCapacity.Table.CapacityUnits);
        Assert.Equal(indexUnits, put.ConsumedCapacity.GlobalSecondaryIndexes["byStatus"].CapacityUnits);
        Assert.All(settled, c => Assert.Equal(CapacityDimension.Write, c.Dimension));
    }

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task GetItem_and_Query_with_TOTAL_report_the_settled_read_units_and_NONE_reports_nothing(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1", 6000) });
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "2", 6000) });
        bed.Model.ClearSettled();

        var get = await bed.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table, Key = ProxyTestBed.Key("a", "1"), ConsistentRead = true, ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        double getUnits = bed.Model.SettledCharges.Sum(c => c.Units);
        bed.Model.ClearSettled();
        var query = await bed.Client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :pk",
            FilterExpression = "size(payload) > :big", // filters do not lower the cost: both items are read, none returned
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "a" }, [":big"] = new AttributeValue { N = "100000" } },
            ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
        });
        double queryUnits = bed.Model.SettledCharges.Sum(c => c.Units);
        var none = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("a", "1") });

        Assert.Equal(2, getUnits); // 6,012 bytes, strongly consistent: 2 blocks of 4 KB
        Assert.Equal(getUnits, get.ConsumedCapacity.CapacityUnits);
        Assert.Null(get.ConsumedCapacity.Table); // TOTAL has no breakdown
        Assert.Empty(query.Items);
        Assert.Equal(1.5, queryUnits); // 2 × 6,012 bytes = 12,024 → 3 blocks, eventually consistent
        Assert.Equal(queryUnits, query.ConsumedCapacity.CapacityUnits);
        Assert.Null(none.ConsumedCapacity);
    }

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task A_failed_condition_is_charged_and_the_error_reaches_the_client(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1", 3000) });
        bed.Model.ClearSettled();

        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => bed.Client.PutItemAsync(new PutItemRequest
        {
            TableName = table, Item = ProxyTestBed.Item("a", "1", 100), ConditionExpression = "attribute_not_exists(pk)",
        }));

        Assert.Equal(3, Assert.Single(bed.Model.SettledCharges).Units); // the larger of stored (3,013 B) and new: 3 units
    }
}
