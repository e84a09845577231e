using System.Net;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Cli;
using LoadLab.IntegrationTests.Capacity.Survival;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// dynalite dying under the real CLI: `loadlab local` says so, restarts it on the same endpoint and serves again;
/// a run stops on the dead target (exit 3) and names the incident among its findings. Each test kills its own
/// dynalite with the PutItem that ends it, sent straight to it past the simulator's guard.
/// </summary>
public sealed partial class EmulatorIncidentTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-incident-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Local_restarts_a_dead_dynalite_says_what_was_lost_and_serves_again_on_the_same_endpoint()
    {
        var console = new TestConsole();
        using var stop = new CancellationTokenSource(Patience);
        var run = LoadLabApp.RunAsync(["local"], console.Console, stop.Token);
        await Task.WhenAny(console.WaitForLineAsync(l => l.Contains("Local DynamoDB endpoint", StringComparison.Ordinal), Patience), run);
        var endpoint = EndpointLine().Match(console.Output).Groups[1].Value;
        var dynalite = new Uri(DynaliteLine().Match(console.Output).Groups[1].Value);
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });
        await CreateTableAsync(client, "Before");

        await SignedRequests.KillAsync(dynalite, Patience);
        await console.WaitForLineAsync(l => l.Contains("restarted at " + dynalite, StringComparison.Ordinal), Patience);

        Assert.Contains("stopped unexpectedly", console.Output, StringComparison.Ordinal);
        Assert.Contains("every table and item it held in memory is lost", console.Output, StringComparison.Ordinal);
        using (var http = new HttpClient())
        using (var health = await http.GetAsync(new Uri(new Uri(endpoint), "/_loadlab/health")))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // The simulator forgot the tables with the emulator: the same name is created and used again.
        Assert.DoesNotContain("Before", (await client.ListTablesAsync(new ListTablesRequest())).TableNames ?? []);
        await CreateTableAsync(client, "Before");
        await client.PutItemAsync(new PutItemRequest { TableName = "Before", Item = new() { ["pk"] = new AttributeValue { S = "a" } } });
        var got = await client.GetItemAsync(new GetItemRequest { TableName = "Before", Key = new() { ["pk"] = new AttributeValue { S = "a" } }, ConsistentRead = true });
        Assert.Equal("a", got.Item["pk"].S);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [Fact]
    public async Task A_run_whose_dynalite_dies_stops_with_exit_3_and_names_the_incident_in_its_findings()
    {
        var suite = Path.Combine(folder, "dies.yaml");
        await File.WriteAllTextAsync(suite, """
            name: dies
            tables:
              items: { name: Dies, key: { pk: S } }
            data:
              items: { model: customer, items: 20 }
            scenarios:
              - { name: browse, table: items, mix: { get: 1 }, load: [ { rate: 20, for: 5m } ] }
            failOn: { unreachableFor: 2s }
            """);
        var output = Path.Combine(folder, "out");
        var console = new TestConsole();
        using var guard = new CancellationTokenSource(2 * Patience);
        var run = LoadLabApp.RunAsync(["run", suite, "--out", output, "--plain"], console.Console, guard.Token);
        await Task.WhenAny(console.WaitForLineAsync(l => l.Contains("Running 1 scenario", StringComparison.Ordinal), Patience), run);
        var dynalite = new Uri(DynaliteLine().Match(console.Output).Groups[1].Value);

        await SignedRequests.KillAsync(dynalite, Patience);
        int exit = await run;

        Assert.True(exit == 3, console.Output);
        Assert.False(guard.IsCancellationRequested, "the run did not stop by itself");
        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        Assert.NotNull(result.Run.TargetFailure);
        var incident = Assert.Single(result.Findings, f => f.Contains("stopped unexpectedly", StringComparison.Ordinal));
        Assert.Contains("It was not restarted", incident, StringComparison.Ordinal);
        Assert.Contains(result.Findings, f => f.StartsWith("The target stopped answering", StringComparison.Ordinal));
    }

    private static async Task CreateTableAsync(IAmazonDynamoDB client, string name)
    {
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = name,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
    }

    [GeneratedRegex(@"Local DynamoDB endpoint: (\S+)")]
    private static partial Regex EndpointLine();

    [GeneratedRegex(@"in front of dynalite at (http://\S+?),")]
    private static partial Regex DynaliteLine();
}
