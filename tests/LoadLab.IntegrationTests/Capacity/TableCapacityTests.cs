using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>The model owns capacity: DescribeTable shows its settings, UpdateTable and the admin endpoint change them.</summary>
[Collection("local-target")]
public sealed class TableCapacityTests(LocalTargetFixture fixture)
{
    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task DescribeTable_of_a_table_the_simulator_created_counts_its_items_and_bytes(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();
        // DynamoDB's item size: attribute names plus string values in UTF-8 bytes.
        static long Size(Dictionary<string, AttributeValue> item) => item.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a.Key) + System.Text.Encoding.UTF8.GetByteCount(a.Value.S));
        var items = new[] { ProxyTestBed.Item("a", "1", 100), ProxyTestBed.Item("b", "1", 2_000), ProxyTestBed.Item("c", "ü", 10) };
        foreach (var item in items)
            await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
        await bed.Client.DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = ProxyTestBed.Key("b", "1") });
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1", 300) }); // replaced, not added

        var described = (await bed.Client.DescribeTableAsync(table)).Table;

        Assert.Equal(2, described.ItemCount);
        Assert.Equal(Size(ProxyTestBed.Item("a", "1", 300)) + Size(items[2]), described.TableSizeBytes);
    }

    [Fact]
    public async Task DescribeTable_shows_the_models_provisioned_units_after_auto_scaling_moved_them()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync(read: 100, write: 50, withIndex: true);
        var created = bed.Model.Describe(table)!;
        Assert.Equal((CapacityBillingMode.Provisioned, 100d, 50d), (created.Mode, created.ReadUnits, created.WriteUnits));
        Assert.Equal(5, Assert.Single(created.GlobalIndexes).WriteUnits);

        bed.Model.Set(created with { ReadUnits = 286, WriteUnits = 70, GlobalIndexes = [created.GlobalIndexes[0] with { WriteUnits = 12 }] });
        var described = (await bed.Client.DescribeTableAsync(table)).Table;

        Assert.Equal(286, described.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(70, described.ProvisionedThroughput.WriteCapacityUnits);
        // A provisioned table shows no BillingModeSummary, as the emulator describes it: the proxy adds no field of its own.
        Assert.Null(described.BillingModeSummary);
        Assert.Equal(12, Assert.Single(described.GlobalSecondaryIndexes).ProvisionedThroughput.WriteCapacityUnits);
    }

    [Fact]
    public async Task UpdateTable_reaches_the_model_and_DescribeTable_shows_on_demand_maximums()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync(read: 100, write: 50);

        await bed.Client.UpdateTableAsync(new UpdateTableRequest { TableName = table, ProvisionedThroughput = new ProvisionedThroughput(200, 80) });
        Assert.Equal((200d, 80d), (bed.Model.Describe(table)!.ReadUnits, bed.Model.Describe(table)!.WriteUnits));
        await bed.Client.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table, BillingMode = BillingMode.PAY_PER_REQUEST, OnDemandThroughput = new OnDemandThroughput { MaxWriteRequestUnits = 500 },
        });
        var described = (await bed.Client.DescribeTableAsync(table)).Table;

        Assert.Equal(CapacityBillingMode.OnDemand, bed.Model.Describe(table)!.Mode);
        Assert.Equal(BillingMode.PAY_PER_REQUEST, described.BillingModeSummary.BillingMode);
        Assert.Equal(500, described.OnDemandThroughput.MaxWriteRequestUnits);
        Assert.Equal(-1, described.OnDemandThroughput.MaxReadRequestUnits);
    }

    [Fact]
    public async Task The_admin_endpoint_sets_auto_scaling_and_metrics_serve_the_snapshot_and_attempts()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync(read: 100, write: 50);
        using var http = new HttpClient { BaseAddress = bed.Proxy.Endpoint };

        using var posted = await http.PostAsJsonAsync(
            $"_loadlab/tables/{table}/autoscaling",
            new { write = new { targetUtilization = 0.7, minUnits = 50, maxUnits = 500 } });
        using var invalid = await http.PostAsJsonAsync($"_loadlab/tables/{table}/autoscaling", new { read = new { targetUtilization = 1.5, minUnits = 5, maxUnits = 10 } });
        var metrics = JsonDocument.Parse(await http.GetStringAsync("_loadlab/metrics")).RootElement;
        var health = await http.GetAsync("_loadlab/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(new AutoScalingPolicy(0.7, 50, 500), bed.Model.Describe(table)!.WriteScaling);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("scripted", metrics.GetProperty("model").GetProperty("preset").GetString());
        Assert.True(metrics.GetProperty("requests").GetProperty("attempts").GetInt64() >= 1);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task DescribeTable_counts_each_global_index_s_items_and_bytes_as_it_counts_the_table_s()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync(withIndex: true);
        foreach (var (pk, status) in new[] { ("a", "open"), ("b", "open"), ("c", (string?)null) })
            await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item(pk, "1", 50, status) });

        var described = (await bed.Client.DescribeTableAsync(table)).Table;
        var index = Assert.Single(described.GlobalSecondaryIndexes);

        Assert.Equal(3, described.ItemCount);
        Assert.Equal(2, index.ItemCount); // the item without a status has no entry in byStatus
        Assert.InRange(index.IndexSizeBytes!.Value, 1, described.TableSizeBytes!.Value - 1);
    }
}
