using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.LocalTarget;

public sealed class LocalDynamoDbLauncherTests
{
    private static readonly LocalTargetOptions Options = new() { StartTimeout = TimeSpan.FromMinutes(3) };

    [Fact]
    public async Task Starts_answers_a_real_request_and_dispose_ends_the_process()
    {
        var lines = new List<string>();
        var local = await LocalDynamoDbLauncher.StartAsync(Options with { Log = l => { lock (lines) lines.Add(l); } });
        int pid = local.ProcessId;
        try
        {
            Assert.Equal("127.0.0.1", local.Endpoint.Host);
            Assert.False(local.HasExited);
            Assert.True(ProcessProbe.IsAlive(pid));

            using var client = Client(local.Endpoint);
            var tables = await client.ListTablesAsync(new ListTablesRequest());

            Assert.Equal(System.Net.HttpStatusCode.OK, tables.HttpStatusCode);
            Assert.Contains(lines, l => l.Contains("listening at", StringComparison.Ordinal));
        }
        finally
        {
            await local.DisposeAsync();
        }

        Assert.True(local.HasExited);
        Assert.True(await ProcessProbe.WaitUntilGoneAsync(pid, TimeSpan.FromSeconds(5)), $"node (pid {pid}) still runs after dispose");
        await local.DisposeAsync(); // idempotent
    }

    [Fact]
    public async Task Two_launchers_at_once_get_different_ports()
    {
        var started = await Task.WhenAll(LocalDynamoDbLauncher.StartAsync(Options), LocalDynamoDbLauncher.StartAsync(Options));
        await using var first = started[0];
        await using var second = started[1];

        Assert.NotEqual(first.Endpoint.Port, second.Endpoint.Port);
        Assert.NotEqual(first.ProcessId, second.ProcessId);
    }

    [Fact]
    public async Task Tables_are_active_at_once_and_persist_in_the_given_folder()
    {
        string folder = Directory.CreateTempSubdirectory("loadlab-persist-").FullName;
        try
        {
            await using (var local = await LocalDynamoDbLauncher.StartAsync(Options with { PersistDirectory = folder }))
            {
                using var client = Client(local.Endpoint);
                var created = await client.CreateTableAsync(new CreateTableRequest
                {
                    TableName = "Persisted",
                    AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
                    KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                });
                Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);
                // createTableMs is 0, so the table turns ACTIVE on dynalite's next timer tick. Poll
                // rather than assume the very next look wins that race on a loaded machine.
                TableStatus status = TableStatus.CREATING;
                for (int i = 0; i < 100 && status != TableStatus.ACTIVE; i++)
                {
                    status = (await client.DescribeTableAsync("Persisted")).Table.TableStatus;
                    if (status != TableStatus.ACTIVE) await Task.Delay(50);
                }

                Assert.Equal(TableStatus.ACTIVE, status);
            }

            await using (var again = await LocalDynamoDbLauncher.StartAsync(Options with { PersistDirectory = folder }))
            {
                using var client = Client(again.Endpoint);
                var tables = await client.ListTablesAsync(new ListTablesRequest());
                Assert.Contains("Persisted", tables.TableNames);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_port_in_use_fails_with_dynalite_output_and_leaves_nothing_running()
    {
        await using var first = await LocalDynamoDbLauncher.StartAsync(Options);

        var ex = await Assert.ThrowsAsync<LocalTargetException>(
            () => LocalDynamoDbLauncher.StartAsync(Options with { Port = first.Endpoint.Port }));

        Assert.Contains("stopped before it was ready", ex.Message, StringComparison.Ordinal);
        Assert.Contains("EADDRINUSE", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("    at ", ex.Message, StringComparison.Ordinal);
    }

    internal static AmazonDynamoDBClient Client(Uri endpoint) =>
        new(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig
        {
            ServiceURL = endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
        });
}

/// <summary>Is a process still running, by PID? Zombies count as gone (they have exited; only their parent has not reaped them).</summary>
internal static class ProcessProbe
{
    public static bool IsAlive(int pid)
    {
        string stat = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (OperatingSystem.IsLinux())
        {
            try
            {
                string text = File.ReadAllText(stat);
                char state = text[(text.LastIndexOf(')') + 2)..][0];
                return state is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    public static async Task<bool> WaitUntilGoneAsync(int pid, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (IsAlive(pid))
        {
            if (clock.Elapsed > timeout)
                return false;
            await Task.Delay(50);
        }
        return true;
    }
}
