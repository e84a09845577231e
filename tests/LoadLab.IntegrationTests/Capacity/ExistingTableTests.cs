using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Capacity.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>Tables the proxy did not see created, and tables that do not exist.</summary>
[Collection("local-target")]
public sealed class ExistingTableTests(LocalTargetFixture fixture)
{
    [Fact]
    public async Task A_table_created_before_the_proxy_is_learned_lazily_and_priced_on_its_stored_items()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        using var direct = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = fixture.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        string table = "pre_" + Guid.NewGuid().ToString("N")[..12];
        await direct.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            ProvisionedThroughput = new ProvisionedThroughput(7, 3),
        });
        await ProxyTestBed.WaitUntilActiveAsync(direct, table);
        try
        {
            await direct.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1", 3000) });

            var put = await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1", 100), ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL });

            Assert.Equal((CapacityBillingMode.Provisioned, 7d, 3d), (bed.Model.Describe(table)!.Mode, bed.Model.Describe(table)!.ReadUnits, bed.Model.Describe(table)!.WriteUnits));
            Assert.Equal(3, put.ConsumedCapacity.CapacityUnits); // replaced a stored 3,013-byte item the proxy looked up
            Assert.Equal(3, bed.Model.SettledCharges.Single().Units);
        }
        finally
        {
            await direct.DeleteTableAsync(table);
        }
    }

    [Fact]
    public async Task An_unknown_table_gets_the_emulators_ResourceNotFoundException()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => bed.Client.GetItemAsync(new GetItemRequest { TableName = "no_such_table", Key = ProxyTestBed.Key("a", "1") }));
        Assert.Empty(bed.Model.SettledCharges);
    }

    [Fact]
    public async Task A_transaction_naming_a_table_nobody_created_is_ResourceNotFoundException_and_not_charged()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();

        // The simulator carries transactions out itself (dynalite 4 has none); a missing table fails the whole call.
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => bed.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = table, Item = ProxyTestBed.Item("a", "1") } },
                new TransactWriteItem { Put = new Put { TableName = "no_such_table", Item = ProxyTestBed.Item("a", "1") } },
            ],
        }));

        Assert.Empty(bed.Model.SettledCharges);
        var got = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("a", "1"), ConsistentRead = true });
        Assert.True(got.Item is null or { Count: 0 }, "the first action must not have been written");
    }
}
