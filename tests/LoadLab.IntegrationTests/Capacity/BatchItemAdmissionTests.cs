using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.IntegrationTests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>
/// Batches are admitted item by item against the real capacity model, deducting as they go, through the
/// real AWS SDK and dynalite: what does not fit comes back unprocessed, and the buckets are not left in
/// debt. The model runs on a clock the test moves, so the counts do not depend on how fast the machine is.
/// </summary>
[Collection("local-target")]
public sealed class BatchItemAdmissionTests(LocalTargetFixture fixture)
{
    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task A_25_item_BatchWriteItem_into_a_5_WCU_table_writes_5_returns_20_and_leaves_no_debt(ProxyTransport transport)
    {
        var (bed, clock) = await StartAsync(transport);
        await using var _ = bed;
        string table = await bed.CreateTableAsync(read: 100, write: 5);

        var result = await bed.Client.BatchWriteItemAsync(Puts(table, "a", 25));

        Assert.Equal(20, result.UnprocessedItems[table].Count);
        Assert.Equal(5, Assert.Single(result.ConsumedCapacity).CapacityUnits);
        Assert.Equal(5, (await Scan(bed, table)).Count);
        // A second later the bucket holds a second of units again (five items), not 20 units of debt.
        clock.Advance(TimeSpan.FromSeconds(1));
        var retry = await bed.Client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = result.UnprocessedItems, ReturnConsumedCapacity = "TOTAL" });
        Assert.Equal(15, retry.UnprocessedItems[table].Count);
        Assert.Equal(10, (await Scan(bed, table)).Count);
    }

    [Fact]
    public async Task A_global_index_with_5_WCU_admits_5_items_of_a_batch_however_large_the_table()
    {
        var (bed, _) = await StartAsync(ProxyTransport.InProcess);
        await using var __ = bed;
        string table = await bed.CreateTableAsync(read: 100, write: 1000, withIndex: true); // byStatus: 10 RCU, 5 WCU

        var result = await bed.Client.BatchWriteItemAsync(Puts(table, "g", 25, status: "open"));

        Assert.Equal(20, result.UnprocessedItems[table].Count);
        var consumed = Assert.Single(result.ConsumedCapacity);
        Assert.Equal(5, consumed.Table.CapacityUnits);
        Assert.Equal(5, consumed.GlobalSecondaryIndexes["byStatus"].CapacityUnits);
    }

    [Fact]
    public async Task A_25_key_BatchGetItem_on_a_5_RCU_table_reads_5_and_returns_20_keys()
    {
        var (bed, clock) = await StartAsync(ProxyTransport.Loopback);
        await using var _ = bed;
        string table = await bed.CreateTableAsync(read: 5, write: 1000);
        Assert.Empty((await bed.Client.BatchWriteItemAsync(Puts(table, "r", 25))).UnprocessedItems);
        clock.Advance(TimeSpan.FromSeconds(1));

        var result = await bed.Client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new() { [table] = new KeysAndAttributes { Keys = [.. Enumerable.Range(0, 25).Select(i => ProxyTestBed.Key("r", Sk(i)))], ConsistentRead = true } },
            ReturnConsumedCapacity = "TOTAL",
        });

        Assert.Equal(5, result.Responses[table].Count);
        Assert.Equal(20, result.UnprocessedKeys[table].Keys.Count);
        Assert.True(result.UnprocessedKeys[table].ConsistentRead);
        Assert.Equal(5, Assert.Single(result.ConsumedCapacity).CapacityUnits);
    }

    [Fact]
    public async Task A_batch_the_emulator_refuses_gives_its_reservations_back()
    {
        var (bed, _) = await StartAsync(ProxyTransport.Loopback);
        await using var __ = bed;
        string table = await bed.CreateTableAsync(read: 100, write: 5);
        var invalid = Puts(table, "v", 3);
        invalid.RequestItems[table][0].PutRequest.Item["sk"] = new AttributeValue { S = string.Empty }; // empty key: dynalite's ValidationException

        await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => bed.Client.BatchWriteItemAsync(invalid));
        var result = await bed.Client.BatchWriteItemAsync(Puts(table, "w", 25));

        Assert.Equal(20, result.UnprocessedItems[table].Count);
    }

    private async Task<(ProxyTestBed Bed, FakeTimeProvider Clock)> StartAsync(ProxyTransport transport)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        // No burst: a provisioned bucket holds exactly one second of the table's units.
        var model = new CapacityModel(new CapacitySettings { BurstSeconds = 0 }, clock);
        var bed = await ProxyTestBed.StartAsync(new CapacityProxyOptions { Upstream = fixture.Endpoint, ModelTickInterval = TimeSpan.Zero }, model, transport);
        return (bed, clock);
    }

    private static BatchWriteItemRequest Puts(string table, string pk, int count, string? status = null) => new()
    {
        RequestItems = new() { [table] = [.. Enumerable.Range(0, count).Select(i => new WriteRequest(new PutRequest(ProxyTestBed.Item(pk, Sk(i), status: status))))] },
        ReturnConsumedCapacity = "INDEXES",
    };

    private static string Sk(int i) => i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<Dictionary<string, AttributeValue>>> Scan(ProxyTestBed bed, string table) =>
        (await bed.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true })).Items;
}
