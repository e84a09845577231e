using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Capacity.Proxy;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.IntegrationTests.Capacity;

namespace LoadLab.IntegrationTests.LocalTarget;

/// <summary>The table-status delay: fast by default, and when set a client sees CREATING and its errors.</summary>
public sealed class TableStatusDelayTests
{
    [Fact]
    public async Task With_a_delay_a_new_table_is_CREATING_refuses_items_and_becomes_ACTIVE()
    {
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { StartTimeout = TimeSpan.FromMinutes(3), TableStatusDelay = TimeSpan.FromSeconds(5) });
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = local.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });

        var created = await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "delayed",
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        var early = (await client.DescribeTableAsync("delayed")).Table.TableStatus;
        var refused = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.PutItemAsync("delayed", new() { ["pk"] = new AttributeValue { S = "a" } }));

        Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);
        Assert.Equal(TableStatus.CREATING, early);
        Assert.NotNull(refused);
        TableStatus status = early;
        for (int i = 0; i < 600 && status != TableStatus.ACTIVE; i++)
        {
            await Task.Delay(50);
            status = (await client.DescribeTableAsync("delayed")).Table.TableStatus;
        }

        Assert.Equal(TableStatus.ACTIVE, status);
    }

    [Fact]
    public async Task Without_a_delay_a_table_takes_items_as_soon_as_CreateTable_answers_and_its_name_is_free_as_soon_as_DeleteTable_answers()
    {
        // dynalite flips the status on a 0-ms timer after it answered; a client that acts at once (fixtures,
        // applications starting up) must never meet the CREATING or DELETING table behind the simulator.
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { StartTimeout = TimeSpan.FromMinutes(3) });
        await using var bed = await ProxyTestBed.StartAsync(new CapacityProxyOptions { Upstream = local.Endpoint }, new ScriptedCapacityModel());
        var request = new CreateTableRequest
        {
            TableName = "cycle",
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        };

        for (int round = 0; round < 25; round++)
        {
            var created = await bed.Client.CreateTableAsync(request);
            await bed.Client.PutItemAsync("cycle", new() { ["pk"] = new AttributeValue { S = "a" } });
            await bed.Client.DeleteTableAsync("cycle");

            Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);
        }
    }
}
