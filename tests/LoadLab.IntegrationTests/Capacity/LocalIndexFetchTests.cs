using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>
/// A local index read is sized on its entries; when it must fetch attributes the index does not project, DynamoDB also
/// charges the table the whole base item of each entry, rounded up on its own (LSI.html, "Provisioned throughput
/// considerations for local secondary indexes").
/// </summary>
[Collection("local-target")]
public sealed class LocalIndexFetchTests(LocalTargetFixture fixture)
{
    // Each item: pk "a" (2+1) + sk (2+1) + alt (3+1) + payload (7+5,000) = 5,017 bytes → 2 blocks of 4 KB when fetched.
    // Each KEYS_ONLY entry: pk, sk and alt = 10 bytes; three entries = 30 bytes → 1 block.
    private const int Payload = 5000;

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task A_local_index_query_is_charged_its_entries_and_each_fetched_item_on_its_own(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await CreateTableAsync(bed.Client);
        for (int i = 1; i <= 3; i++)
        {
            var item = ProxyTestBed.Item("a", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Payload);
            item["alt"] = new AttributeValue { S = "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
        }

        var projected = await QueryAsync(bed.Client, table, r => { });
        var all = await QueryAsync(bed.Client, table, r => r.Select = Select.ALL_ATTRIBUTES);
        var payloadOnly = await QueryAsync(bed.Client, table, r => r.ProjectionExpression = "payload");
        var altOnly = await QueryAsync(bed.Client, table, r => { r.ProjectionExpression = "#a"; r.ExpressionAttributeNames = new() { ["#a"] = "alt" }; });

        // Only the entries: 30 bytes, strongly consistent.
        Assert.Equal(3, projected.Items.Count);
        Assert.Equal(1, projected.ConsumedCapacity.CapacityUnits);
        Assert.Equal(1, projected.ConsumedCapacity.LocalSecondaryIndexes["byAlt"].CapacityUnits);
        // Entries, plus 3 fetched items of 2 blocks each, charged to the table.
        Assert.Equal(3, all.Items.Count);
        Assert.All(all.Items, i => Assert.True(i.ContainsKey("payload")));
        Assert.Equal(7, all.ConsumedCapacity.CapacityUnits);
        Assert.Equal(6, all.ConsumedCapacity.Table.CapacityUnits);
        Assert.Equal(1, all.ConsumedCapacity.LocalSecondaryIndexes["byAlt"].CapacityUnits);
        // A projection naming an attribute the index lacks fetches too; one naming a projected attribute does not.
        Assert.Equal(7, payloadOnly.ConsumedCapacity.CapacityUnits);
        Assert.Equal(1, altOnly.ConsumedCapacity.CapacityUnits);
    }

    private static Task<QueryResponse> QueryAsync(IAmazonDynamoDB client, string table, Action<QueryRequest> edit)
    {
        var request = new QueryRequest
        {
            TableName = table,
            IndexName = "byAlt",
            ConsistentRead = true,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "a" } },
            ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES,
        };
        edit(request);
        return client.QueryAsync(request);
    }

    private static async Task<string> CreateTableAsync(IAmazonDynamoDB client)
    {
        string name = "lsi_" + Guid.NewGuid().ToString("N")[..12];
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            AttributeDefinitions =
            [
                new AttributeDefinition("pk", ScalarAttributeType.S),
                new AttributeDefinition("sk", ScalarAttributeType.S),
                new AttributeDefinition("alt", ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            LocalSecondaryIndexes =
            [
                new LocalSecondaryIndex
                {
                    IndexName = "byAlt",
                    KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("alt", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
                },
            ],
        });
        await ProxyTestBed.WaitUntilActiveAsync(client, name);
        return name;
    }
}
