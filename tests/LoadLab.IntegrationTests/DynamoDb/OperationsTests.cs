using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using LoadLab.DynamoDb.Driver;
using LoadLab.DynamoDb.Seeding;
using LoadLab.DynamoDb.Tables;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.DynamoDb;

/// <summary>
/// Every operation of the driver through the real SDK against the real local target: outcomes, consumed units, and
/// the item and page counts of queries, scans and batches. One seeded table per test, so counts are exact.
/// </summary>
[Collection("local-target")]
public sealed class OperationsTests(LocalTargetFixture fixture)
{
    private const long Items = 60;

    private static readonly DriverOptions Quick = new() { UnprocessedBaseDelay = TimeSpan.FromMilliseconds(1) };

    [Fact]
    public Task Get_eventually_and_strongly_consistent_with_a_projection() => WithTableAsync(async run =>
    {
        var eventual = await run.OnceAsync(Op("get", new OperationOptions { Projection = ["name", "email"] }));
        var strong = await run.OnceAsync(Op("get", new OperationOptions { ConsistentRead = true }));

        AssertOk(eventual, read: true);
        AssertOk(strong, read: true);
        // A strongly consistent read of a small item costs a whole unit, an eventually consistent one half.
        Assert.True(strong.ReadUnits > eventual.ReadUnits, $"strong {strong.ReadUnits}, eventual {eventual.ReadUnits}");
    });

    [Fact]
    public Task Put_overwrites_and_new_puts_insert_after_the_seeded_items() => WithTableAsync(async run =>
    {
        AssertOk(await run.OnceAsync(Op("put")), read: false);
        var executor = run.Executor(Op("put", new OperationOptions { NewItems = true }));
        for (long s = 0; s < 3; s++)
            AssertOk(await executor.ExecuteAsync(new OperationRequest(s, 0), CancellationToken.None), read: false);

        Assert.Equal(executor.NewItemsStart + 2, executor.NewestIndex);
        Assert.Equal(Items + 3, await LocalTables.CountAsync(run.Client, run.Table.Name));
    });

    [Fact]
    public Task Update_adds_and_sets_and_a_false_condition_is_ConditionFailed() => WithTableAsync(async run =>
    {
        var update = new OperationOptions
        {
            Add = [new AttributeAssignment("visits", ExpressionValue.Number("1"))],
            Set = [new AttributeAssignment("tier", ExpressionValue.String("gold"))],
            Condition = "attribute_exists(pk)",
        };
        AssertOk(await run.OnceAsync(Op("update", update)), read: false);

        var failed = await run.OnceAsync(Op("update", new OperationOptions { Condition = "attribute_not_exists(pk)" }));

        Assert.Equal(OutcomeKind.ConditionFailed, failed.Kind);
    });

    [Fact]
    public Task Delete_removes_the_item_and_a_second_conditional_delete_fails_its_condition() => WithTableAsync(async run =>
    {
        var executor = run.Executor(Op("delete", new OperationOptions { Condition = "attribute_exists(pk)" }));

        var first = await executor.ExecuteAsync(new OperationRequest(5, 0), CancellationToken.None);
        var second = await executor.ExecuteAsync(new OperationRequest(5, 0), CancellationToken.None);

        AssertOk(first, read: false);
        Assert.Equal(OutcomeKind.ConditionFailed, second.Kind);
        Assert.Equal(Items - 1, await LocalTables.CountAsync(run.Client, run.Table.Name));
    });

    [Fact]
    public Task Query_reads_the_partition_with_a_sort_key_condition_and_counts_it() => WithTableAsync(async run =>
    {
        var hit = await run.OnceAsync(Op("query", new OperationOptions { SortKey = new SortKeyCondition(SortKeyOperator.BeginsWith, "PRO") }));
        var miss = await run.OnceAsync(Op("query", new OperationOptions { SortKey = new SortKeyCondition(SortKeyOperator.Equal, "NOTHING") }));

        AssertOk(hit, read: true);
        Assert.Equal((1, 1, 1), (hit.ItemsReturned, hit.ItemsScanned, hit.Pages));
        Assert.Equal(OutcomeKind.Ok, miss.Kind);
        Assert.Equal((0, 1), (miss.ItemsReturned, miss.Pages));
    });

    [Fact]
    public Task Query_of_an_index_reads_every_page_of_the_partition_the_item_is_in() => WithTableAsync(
        table => table with { Indexes = [new IndexPlan { Name = "byTier", PartitionKey = new KeyAttribute("tier", "S") }] },
        async run =>
        {
            // Customers share four tiers, so the drawn customer's tier partition holds many items: pages of 5.
            var outcome = await run.OnceAsync(Op("query", new OperationOptions { Index = "byTier", Limit = 5 }));
            var tier = CustomerModel.Instance.CreateItem(run.Data.Seed, run.Executor(Op("get")).IndexOf(0), run.Table)["tier"].S;
            long expected = Enumerable.Range(0, (int)Items).Count(i => CustomerModel.Instance.CreateItem(run.Data.Seed, i, run.Table)["tier"].S == tier);

            AssertOk(outcome, read: true);
            Assert.Equal(expected, outcome.ItemsReturned);
            Assert.True(outcome.Pages >= expected / 5, $"{outcome.Pages} pages for {expected} items");
        });

    [Fact]
    public Task Scan_in_parallel_segments_reads_the_whole_table_and_a_filter_keeps_the_scanned_count() => WithTableAsync(async run =>
    {
        var all = await run.OnceAsync(Op("scan", new OperationOptions { Segments = 3, Pages = PageMode.All, Limit = 7 }));
        var filtered = await run.OnceAsync(Op("scan", new OperationOptions
        {
            Pages = PageMode.All,
            Filter = "#tier = :tier",
            Values = new Dictionary<string, ExpressionValue> { [":tier"] = ExpressionValue.String("no-such-tier") },
        }));
        var firstPage = await run.OnceAsync(Op("scan", new OperationOptions { Limit = 10 }));

        AssertOk(all, read: true);
        Assert.Equal((Items, Items), (all.ItemsReturned, all.ItemsScanned));
        Assert.True(all.Pages >= (Items + 6) / 7, $"{all.Pages} pages");
        Assert.Equal((0, Items), (filtered.ItemsReturned, filtered.ItemsScanned));
        Assert.Equal((10, 1), (firstPage.ItemsReturned, firstPage.Pages));
    });

    [Fact]
    public Task Batches_read_and_write_distinct_items() => WithTableAsync(async run =>
    {
        var read = await run.OnceAsync(Op("batchGet", new OperationOptions { BatchSize = 10 }));
        var written = await run.OnceAsync(Op("batchWrite", new OperationOptions { BatchSize = 10 }));
        var inserted = await run.OnceAsync(Op("batchWrite", new OperationOptions { BatchSize = 5, NewItems = true }));

        AssertOk(read, read: true);
        Assert.Equal(10, read.ItemsReturned);
        AssertOk(written, read: false);
        Assert.True(written.WriteUnits >= 10, $"write units {written.WriteUnits}");
        AssertOk(inserted, read: false);
        Assert.Equal(Items + 5, await LocalTables.CountAsync(run.Client, run.Table.Name));
    });

    [Fact]
    public Task Transactions_on_dynalite_are_reported_not_sent_or_named_when_sent() => WithTableAsync(async run =>
    {
        var scenario = run.Scenario(Op("transactWrite"), Op("transactGet"));
        var warned = new DynamoDbOperationExecutor(run.Client, scenario, run.Table, run.Data, CustomerModel.Instance, 1, null,
            Quick with { Target = TargetCapabilities.Dynalite });
        // Not told the target: the request goes out and dynalite's UnknownOperationException comes back, named plainly.
        var unwarned = new DynamoDbOperationExecutor(run.Client, scenario, run.Table, run.Data, CustomerModel.Instance, 1, null, Quick);

        Assert.Equal(2, warned.Warnings.Count);
        foreach (var executor in new[] { warned, unwarned })
        {
            for (int op = 0; op < 2; op++)
            {
                var outcome = await executor.ExecuteAsync(new OperationRequest(0, op), CancellationToken.None);
                Assert.Equal(OutcomeKind.ClientError, outcome.Kind);
                Assert.Equal(TargetSupport.NotSupportedReason, outcome.Reason);
            }
        }
    });

    private static OperationWeight Op(string operation, OperationOptions? options = null) =>
        new(OperationKinds.Parse(operation), 1) { Options = options ?? OperationOptions.None };

    private static void AssertOk(OperationOutcome outcome, bool read)
    {
        Assert.True(outcome.Kind == OutcomeKind.Ok, $"{outcome.Kind} {outcome.Reason}");
        Assert.Equal(1, outcome.Attempts);
        Assert.True((read ? outcome.ReadUnits : outcome.WriteUnits) > 0, $"units: read {outcome.ReadUnits}, write {outcome.WriteUnits}");
    }

    private Task WithTableAsync(Func<TableRun, Task> test) => WithTableAsync(table => table, test);

    private async Task WithTableAsync(Func<TablePlan, TablePlan> shape, Func<TableRun, Task> test)
    {
        using var client = LocalTables.Client(fixture.Endpoint);
        var table = shape(LocalTables.NewCustomerTable());
        var data = new DataSetPlan { TableId = table.Id, Model = "customer", Items = Items, Seed = 42 };
        try
        {
            await TableProvisioner.EnsureTableAsync(client, table, CancellationToken.None);
            await Seeder.SeedAsync(client, table, data, CustomerModel.Instance, new SeedOptions(), CancellationToken.None);
            await test(new TableRun(client, table, data));
        }
        finally
        {
            await LocalTables.DeleteQuietlyAsync(client, table.Name);
        }
    }

    private sealed record TableRun(Amazon.DynamoDBv2.IAmazonDynamoDB Client, TablePlan Table, DataSetPlan Data)
    {
        public ScenarioPlan Scenario(params OperationWeight[] mix) => new()
        {
            Name = "operations",
            TableId = Table.Id,
            Mix = mix,
            Phases = [new RatePhase(1, TimeSpan.FromSeconds(1))],
        };

        public DynamoDbOperationExecutor Executor(OperationWeight operation) =>
            new(Client, Scenario(operation), Table, Data, CustomerModel.Instance, runSeed: 1, timeProvider: null, Quick);

        public ValueTask<OperationOutcome> OnceAsync(OperationWeight operation) =>
            Executor(operation).ExecuteAsync(new OperationRequest(0, 0), CancellationToken.None);
    }
}
