using LoadLab.Runner.Target;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Proxy.Wire;
using LoadLab.Runner.Running;
using LoadLab.DynamoDb.Client;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>
/// The simulator's in-process handler (what LoadLab's own runs use) answers like the loopback proxy: the
/// same DynamoDB errors for bad input, the emulator's own answers for what it does not price, and the
/// same attempt accounting. The throttling and ConsumedCapacity tests run over both transports.
/// </summary>
[Collection("local-target")]
public sealed class InProcessTransportTests(LocalTargetFixture fixture)
{
    [Fact]
    public async Task Garbled_requests_through_the_handler_get_DynamoDB_errors_and_the_simulator_still_serves()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: ProxyTransport.InProcess);
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1", 100) });
        int settledBefore = bed.Model.SettledCharges.Count;
        using var http = new HttpClient(bed.Proxy.CreateInProcessHandler()) { BaseAddress = bed.Proxy.Endpoint };
        var random = new Random(20261201);

        for (int i = 0; i < 1000; i++)
        {
            using var request = GarbledRequests.Next(random, table);
            using var response = await http.SendAsync(request);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            string context = $"request {i} → {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}";
            GarbledRequests.AssertDynamoError((int)response.StatusCode, body, context);
            Assert.True(response.Headers.Contains("x-amzn-RequestId"), context);
            if (response.Headers.TryGetValues("x-amz-crc32", out var crc))
                Assert.Equal(Crc32.HeaderValue(body), crc.Single());
        }

        var get = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("a", "1"), ConsistentRead = true });
        Assert.Equal("a", get.Item["pk"].S);
        Assert.Equal(settledBefore + 1, bed.Model.SettledCharges.Count); // only the GetItem was charged
        Assert.True(bed.Proxy.RequestStatistics.Attempts >= 1000);
    }

    [Fact]
    public async Task What_the_simulator_does_not_price_is_relayed_and_admin_calls_are_pointed_at_the_loopback_port()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: ProxyTransport.InProcess);
        string table = await bed.CreateTableAsync();

        // ListTables is relayed to dynalite untouched, and the SDK reads its answer.
        var tables = await bed.Client.ListTablesAsync(new ListTablesRequest { Limit = 100, ExclusiveStartTableName = table[..^1] });
        Assert.Contains(table, tables.TableNames);

        using var http = new HttpClient(bed.Proxy.CreateInProcessHandler()) { BaseAddress = bed.Proxy.Endpoint };
        using var health = await http.GetAsync("/");
        Assert.True(health.IsSuccessStatusCode, $"dynalite's health answer: {(int)health.StatusCode}");
        using var admin = await http.GetAsync("/_loadlab/metrics");
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
        Assert.Contains(bed.Proxy.Endpoint.ToString(), await admin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_run_gets_the_in_process_handler_and_its_calls_are_counted_by_the_simulator()
    {
        var log = new List<string>();
        await using var session = await TargetSession.OpenAsync(LoadLab.Core.Plans.TargetKind.Local, null, "us-east-1", SimulatorSetup.Settings(new SimulatorOptions()), log.Add, CancellationToken.None);
        Assert.NotNull(session.Options.InProcessHandler);
        Assert.Contains(log, line => line.Contains("in process", StringComparison.Ordinal));

        using var client = DynamoDbClientFactory.Create(session.Options);
        string table = "inproc_" + Guid.NewGuid().ToString("N")[..10];
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            AttributeDefinitions = [new AttributeDefinition("pk", "S")],
            KeySchema = [new KeySchemaElement("pk", "HASH")],
            BillingMode = "PAY_PER_REQUEST",
        });
        await ProxyTestBed.WaitUntilActiveAsync(client, table);
        var put = await client.PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new() { ["pk"] = new AttributeValue("k"), ["body"] = new AttributeValue(new string('x', 1500)) },
            ReturnConsumedCapacity = "TOTAL",
        });

        Assert.Equal(2.0, put.ConsumedCapacity.CapacityUnits); // a 1.5 KB item is two write units
        // CreateTable, DescribeTable and PutItem went through the simulator, although no socket led to it.
        var requests = session.SimulatorSection()!.Requests!;
        Assert.True(requests.Attempts >= 3, $"attempts seen by the simulator: {requests.Attempts}");
    }
}
