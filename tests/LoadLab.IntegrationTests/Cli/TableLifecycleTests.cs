using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Cli;
using LoadLab.DynamoDb.Tables;
using LoadLab.IntegrationTests.DynamoDb;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// seed, run and teardown through the real SDK against real dynalite: tables created with LoadLab's tags, states
/// before and after in results.json, and teardown deleting only LoadLab's tables.
/// </summary>
[Collection("local-target")]
public sealed class TableLifecycleTests(LocalTargetFixture target) : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-lifecycle-").FullName;
    private readonly string id = Guid.NewGuid().ToString("N")[..10];
    private readonly AmazonDynamoDBClient client = LocalTables.Client(target.Endpoint);

    private string Mine => $"local_Mine{id}";

    private string Theirs => $"local_Theirs{id}";

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await LocalTables.DeleteQuietlyAsync(client, Mine);
        await LocalTables.DeleteQuietlyAsync(client, Theirs);
        client.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private string Suite(bool keepMine = false)
    {
        string path = Path.Combine(folder, "lifecycle.yaml");
        File.WriteAllText(path, $$"""
            name: lifecycle
            tables:
              mine: { name: Mine{{id}}, key: { pk: S }{{(keepMine ? ", keep: true" : "")}} }
              theirs: { name: Theirs{{id}}, key: { pk: S } }
            data:
              mine: { model: customer, items: 60 }
              theirs: { model: customer, items: 40 }
            scenarios:
              - name: browse
                table: mine
                mix: { get: 4, put: 1 }
                load: [ { rate: 40, for: 1s } ]
            """);
        return path;
    }

    private async Task<(int Exit, string Output)> LoadLabAsync(params string[] args)
    {
        var console = new TestConsole();
        int exit = await LoadLabApp.RunAsync([.. args, "--endpoint", target.Endpoint.ToString()], console.Console);
        Assert.DoesNotContain("   at ", console.Output, StringComparison.Ordinal);
        return (exit, console.Output);
    }

    private async Task<IReadOnlyDictionary<string, string>> TagsAsync(string table)
    {
        var description = (await client.DescribeTableAsync(table)).Table;
        return await TableTags.ListAsync(client, description.TableArn, CancellationToken.None);
    }

    private async Task<bool> ExistsAsync(string table) =>
        await TableProvisioner.DescribeOrNullAsync(client, table, CancellationToken.None) is { } d && d.TableStatus != TableStatus.DELETING;

    private async Task<bool> HoldsItemsAsync(string table) =>
        await ExistsAsync(table) && (await client.ScanAsync(new ScanRequest { TableName = table, Limit = 1 })).Count > 0;

    private Task CreateTheirsDirectlyAsync() => client.CreateTableAsync(new CreateTableRequest
    {
        TableName = Theirs,
        KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    });

    [Fact]
    public async Task Seed_run_and_teardown_touch_only_loadlabs_tables()
    {
        // A table of the suite's name made by someone else, without LoadLab's tags.
        await CreateTheirsDirectlyAsync();
        string suite = Suite();

        var (seedExit, seedOutput) = await LoadLabAsync("seed", suite);
        Assert.True(seedExit == 0, seedOutput);
        var tags = await TagsAsync(Mine);
        Assert.Equal(TableTags.CreatedByValue, tags[TableTags.CreatedBy]);
        Assert.Equal("lifecycle", tags[TableTags.Suite]);
        Assert.StartsWith(DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), tags[TableTags.RunId], StringComparison.Ordinal);
        Assert.Empty(await TagsAsync(Theirs));
        Assert.Equal(60, await LocalTables.CountAsync(client, Mine));
        Assert.Equal(40, await LocalTables.CountAsync(client, Theirs));

        string output = Path.Combine(folder, "run");
        var (runExit, runOutput) = await LoadLabAsync("run", suite, "--out", output, "--plain");
        Assert.True(runExit == 0, runOutput);
        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        Assert.Equal([Mine, Theirs], result.Tables.Select(t => t.Name));
        var mine = result.Tables[0];
        Assert.False(mine.Created); // seed created it, not this run
        Assert.Equal("ACTIVE", mine.Before!.Status);
        Assert.Equal("PAY_PER_REQUEST", mine.Before.BillingMode);
        // dynalite reports no item count or size (always 0); the state's other fields are DynamoDB's.
        Assert.Equal("ACTIVE", mine.After!.Status);
        Assert.Equal(mine.Before.BillingMode, mine.After.BillingMode);
        Assert.False(mine.Deleted);

        // Not on a terminal: teardown needs --yes, and nothing is deleted without it.
        var (refusedExit, refusedOutput) = await LoadLabAsync("teardown", suite);
        Assert.Equal(2, refusedExit);
        Assert.Contains("--yes", refusedOutput, StringComparison.Ordinal);
        Assert.True(await ExistsAsync(Mine));

        var (exit, teardownOutput) = await LoadLabAsync("teardown", suite, "--yes");
        Assert.True(exit == 0, teardownOutput);
        Assert.False(await ExistsAsync(Mine));
        Assert.True(await ExistsAsync(Theirs), "a table without LoadLab's tags must survive teardown");
        Assert.Contains($"Left {Theirs} alone", teardownOutput, StringComparison.Ordinal);

        // Running it again is harmless: the deleted table is gone, the other still left alone.
        var (again, againOutput) = await LoadLabAsync("teardown", suite, "--yes");
        Assert.True(again == 0, againOutput);
        Assert.Contains("Nothing to delete", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_teardown_deletes_the_tables_the_run_created_and_records_them()
    {
        string suite = Suite();
        string output = Path.Combine(folder, "run");
        var (exit, runOutput) = await LoadLabAsync("run", suite, "--out", output, "--plain", "--teardown");
        Assert.True(exit == 0, runOutput);

        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        Assert.All(result.Tables, t =>
        {
            Assert.True(t.Created);
            Assert.True(t.Deleted);
            Assert.NotNull(t.Before);
            Assert.NotNull(t.After);
        });
        Assert.False(await ExistsAsync(Mine));
        Assert.False(await ExistsAsync(Theirs));
    }

    [Fact]
    public async Task Run_teardown_false_leaves_the_tables_in_place()
    {
        string suite = Suite();
        string output = Path.Combine(folder, "run");
        var (exit, runOutput) = await LoadLabAsync("run", suite, "--out", output, "--plain", "--teardown=false");
        Assert.True(exit == 0, runOutput);

        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        Assert.All(result.Tables, t => Assert.False(t.Deleted, t.Name));
        Assert.True(await ExistsAsync(Mine));
        Assert.True(await ExistsAsync(Theirs));
    }

    [Fact]
    public async Task Re_seeding_a_kept_table_that_holds_items_needs_yes_and_teardown_keeps_it()
    {
        string suite = Suite(keepMine: true);
        var (first, firstOutput) = await LoadLabAsync("seed", suite);
        Assert.True(first == 0, firstOutput);

        var (refused, refusedOutput) = await LoadLabAsync("seed", suite);
        Assert.Equal(2, refused);
        Assert.Contains("--yes", refusedOutput, StringComparison.Ordinal);
        Assert.Contains(Mine, refusedOutput, StringComparison.Ordinal);

        var (confirmed, confirmedOutput) = await LoadLabAsync("seed", suite, "--yes");
        Assert.True(confirmed == 0, confirmedOutput);
        Assert.Equal(60, await LocalTables.CountAsync(client, Mine)); // the same keys again, not twice the items

        var (teardown, teardownOutput) = await LoadLabAsync("teardown", suite, "--yes");
        Assert.True(teardown == 0, teardownOutput);
        Assert.True(await ExistsAsync(Mine), "keep: true survives teardown");
        Assert.False(await ExistsAsync(Theirs));
    }

    [Fact]
    public async Task The_prefix_from_environments_yaml_names_the_tables_loadlab_creates()
    {
        // environments.yaml beside the suite changes the prefix of every table the suite names.
        File.WriteAllText(Path.Combine(folder, "environments.yaml"), "local: { prefix: lab_ }\n");
        string suite = Suite();
        var (exit, output) = await LoadLabAsync("seed", suite);
        Assert.True(exit == 0, output);
        Assert.True(await ExistsAsync($"lab_Mine{id}"));
        Assert.False(await ExistsAsync(Mine));
        await LocalTables.DeleteQuietlyAsync(client, $"lab_Mine{id}");
        await LocalTables.DeleteQuietlyAsync(client, $"lab_Theirs{id}");
    }

    [Fact]
    public async Task Seeding_interrupted_by_ctrl_c_is_finished_by_seeding_again()
    {
        string suite = Path.Combine(folder, "big.yaml");
        File.WriteAllText(suite, $$"""
            name: big
            tables:
              mine: { name: Mine{{id}}, key: { pk: S } }
            data:
              mine: { model: customer, items: 20000 }
            scenarios:
              - name: s
                table: mine
                mix: { get: 1 }
                load: [ { rate: 1, for: 1s } ]
            """);
        var console = new TestConsole();
        using var ctrlC = new CancellationTokenSource();
        var seeding = LoadLabApp.RunAsync(["seed", suite, "--endpoint", target.Endpoint.ToString()], console.Console, ctrlC.Token);
        // Ctrl+C once the first items are in: seeding has begun and has far from finished.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!seeding.IsCompleted && !await HoldsItemsAsync(Mine))
            await Task.Delay(20, patience.Token);
        await ctrlC.CancelAsync();
        int exit = await seeding;
        Assert.True(exit == 130, console.Output);
        Assert.Contains("run loadlab seed again", console.Output, StringComparison.Ordinal);
        long partial = await LocalTables.CountAsync(client, Mine);
        Assert.True(partial < 20000, $"{partial} items: seeding was not interrupted");

        var (again, output) = await LoadLabAsync("seed", suite);
        Assert.True(again == 0, output);
        Assert.Equal(20000, await LocalTables.CountAsync(client, Mine));
    }

    [Fact]
    public async Task Local_seed_without_an_endpoint_is_refused()
    {
        var console = new TestConsole();
        int exit = await LoadLabApp.RunAsync(["seed", Suite()], console.Console);
        Assert.Equal(2, exit);
        Assert.Contains("needs --endpoint", console.Output, StringComparison.Ordinal);
    }
}
