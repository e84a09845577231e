using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.Capacity.Survival;

/// <summary>
/// No request sent through the simulator can end the emulator: a fuzz corpus of null and malformed
/// attribute values in every operation gets DynamoDB errors, dynalite is still the same process afterwards,
/// and ordinary SDK traffic still works. Uses a dynalite of its own, so a failure cannot take down the
/// one other tests share.
/// </summary>
public sealed class EmulatorSurvivalTests
{
    private const int Sampled = 1500;

    [Fact]
    public async Task A_fuzz_corpus_of_null_and_malformed_attribute_values_leaves_dynalite_running_and_serving()
    {
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { StartTimeout = TimeSpan.FromMinutes(3) });
        int pid = local.ProcessId;
        await using var bed = await ProxyTestBed.StartAsync(new CapacityProxyOptions { Upstream = local.Endpoint }, new ScriptedCapacityModel());
        string table = await bed.CreateTableAsync(withIndex: true);
        using var http = new HttpClient { BaseAddress = bed.Proxy.Endpoint, Timeout = TimeSpan.FromSeconds(30) };
        var statuses = new Dictionary<int, int>();

        foreach (var (operation, body) in MalformedValueCorpus.Generate(table, "byStatus", Sampled, seed: 15))
        {
            using var request = SignedRequests.Create(operation, body);
            using var response = await http.SendAsync(request);
            string answer = await response.Content.ReadAsStringAsync();
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"{operation} {body} → {status} {answer}");
            using var parsed = JsonDocument.Parse(answer);
        }

        Assert.Empty(local.Incidents);
        Assert.False(local.HasExited);
        Assert.Equal(pid, local.ProcessId);
        Assert.True(statuses.GetValueOrDefault(400) > Sampled / 2, string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        await AssertOrdinaryTrafficWorksAsync(bed, table);
    }

    [Fact]
    public async Task The_PutItem_that_ended_dynalite_is_refused_by_the_proxy_as_DynamoDB_refuses_it()
    {
        await using var local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { StartTimeout = TimeSpan.FromMinutes(3) });
        await using var bed = await ProxyTestBed.StartAsync(new CapacityProxyOptions { Upstream = local.Endpoint }, new ScriptedCapacityModel());
        string table = await bed.CreateTableAsync();
        using var http = new HttpClient { BaseAddress = bed.Proxy.Endpoint };

        using var response = await http.SendAsync(SignedRequests.Fatal(table));
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("com.amazon.coral.validate#ValidationException", error.GetProperty("__type").GetString());
        Assert.Equal("The supplied Item contains a null AttributeValue", error.GetProperty("message").GetString());
        Assert.False(local.HasExited);
        await AssertOrdinaryTrafficWorksAsync(bed, table);
    }

    private static async Task AssertOrdinaryTrafficWorksAsync(ProxyTestBed bed, string table)
    {
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("after", "1", 10, status: "ok") });
        await bed.Client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { [table] = [new WriteRequest(new PutRequest(ProxyTestBed.Item("after", "2")))] },
        });
        var got = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("after", "1"), ConsistentRead = true });
        var query = await bed.Client.QueryAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = "after" } },
        });
        Assert.Equal("ok", got.Item["status"].S);
        Assert.Equal(2, query.Count);
    }
}
