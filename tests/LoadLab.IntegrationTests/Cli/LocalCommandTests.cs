using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>`loadlab local` serves dynalite behind the capacity simulator until stopped.</summary>
public sealed partial class LocalCommandTests
{
    [Fact]
    public async Task Local_serves_the_simulator_endpoint_until_stopped()
    {
        var console = new TestConsole();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var run = LoadLabApp.RunAsync(["local", "--preset", "optimistic"], console.Console, stop.Token);
        // Wait for the endpoint line (or the command ending early); the timeout only guards.
        await Task.WhenAny(console.WaitForLineAsync(EndpointLine().IsMatch, TimeSpan.FromMinutes(3)), run);
        var match = EndpointLine().Match(console.Output);
        Assert.True(match.Success, console.Output);
        var endpoint = match.Groups[1].Value;

        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });
        var tables = await client.ListTablesAsync(new ListTablesRequest());
        Assert.NotNull(tables.TableNames);
        using var http = new HttpClient();
        var health = await http.GetAsync(new Uri(new Uri(endpoint), "/_loadlab/health"));
        Assert.True(health.IsSuccessStatusCode);
        var metrics = await http.GetStringAsync(new Uri(new Uri(endpoint), "/_loadlab/metrics"));
        Assert.Contains("optimistic", metrics, StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Contains("Stopped.", console.Output);
    }

    [Fact]
    public async Task A_busy_port_is_a_message_and_exit_3_before_anything_starts()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var (exit, output) = await CliRunner.RunWithoutStackTraceAsync("local", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(exit == 3, output);
        Assert.Contains($"loadlab local: port {port} on 127.0.0.1 is not free", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", output, StringComparison.Ordinal);
        // Refused before Node.js was started: nothing was launched or served.
        Assert.DoesNotContain("dynalite", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Local DynamoDB endpoint", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_status_delay_lets_a_client_see_a_table_CREATING()
    {
        var console = new TestConsole();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var run = LoadLabApp.RunAsync(["local", "--simulator", "tableStatusDelay=5m"], console.Console, stop.Token);
        await Task.WhenAny(console.WaitForLineAsync(EndpointLine().IsMatch, TimeSpan.FromMinutes(3)), run);
        var endpoint = EndpointLine().Match(console.Output).Groups[1].Value;
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });

        var created = await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "Slow",
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        var described = await client.DescribeTableAsync("Slow");

        Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);
        Assert.Equal(TableStatus.CREATING, described.Table.TableStatus);
        await stop.CancelAsync();
        Assert.Equal(0, await run);
    }

    [GeneratedRegex(@"Local DynamoDB endpoint: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex EndpointLine();
}
