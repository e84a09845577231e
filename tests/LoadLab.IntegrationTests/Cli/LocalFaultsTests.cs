using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Cli;
using LoadLab.Core.Outcomes;
using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// <c>loadlab local --simulator faults.…</c>: an application under test, on any client, meets the injected faults over
/// loopback from the server's start — table management excepted — and the metrics endpoint counts them.
/// </summary>
public sealed partial class LocalFaultsTests
{
    [Fact]
    public async Task Local_injects_the_faults_of_its_simulator_settings_into_any_client_s_data_requests()
    {
        var console = new TestConsole();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var run = LoadLabApp.RunAsync(["local", "--simulator", "faults.internalServerError=100%"], console.Console, stop.Token);
        await DeadTargetTests.UntilAsync(() => EndpointLine().IsMatch(console.Output), run);
        var endpoint = EndpointLine().Match(console.Output).Groups[1].Value;
        Assert.Contains("Injecting faults: faults.internalServerError.rate=100%", console.Output, StringComparison.Ordinal);

        // A plain SDK client, as an application would have, retrying once.
        using var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 1 });
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "Faulted",
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

        var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => client.PutItemAsync("Faulted", new() { ["pk"] = new AttributeValue("a") }));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("InternalServerError", error.ErrorCode);
        Assert.StartsWith(InjectedFaults.Marker, error.Message, StringComparison.Ordinal);
        using var http = new HttpClient();
        using var metrics = JsonDocument.Parse(await http.GetStringAsync(new Uri(new Uri(endpoint), "/_loadlab/metrics")));
        var faults = metrics.RootElement.GetProperty("faults");
        Assert.True(faults.GetProperty("started").GetBoolean());
        // The first attempt and its one retry; CreateTable was never faulted.
        Assert.Equal(2, faults.GetProperty("injected").GetProperty("internalServerError").GetInt64());
        Assert.Equal(2, faults.GetProperty("requests").GetInt64());

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [GeneratedRegex(@"Local DynamoDB endpoint: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex EndpointLine();
}
