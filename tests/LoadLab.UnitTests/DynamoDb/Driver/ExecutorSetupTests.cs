using LoadLab.Core.Keys;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Driver;
using static LoadLab.UnitTests.DynamoDb.Driver.DriverTestKit;

namespace LoadLab.UnitTests.DynamoDb.Driver;

// What the executor resolves when it is built: key distributions, and options that cannot work on the table.
public sealed class ExecutorSetupTests
{
    private static readonly FakeDynamoDbHttp Http = new(_ => FakeDynamoDbHttp.Json("{}"));

    [Theory]
    [InlineData("uniform")]
    [InlineData("zipfian")]
    [InlineData("hotspot")]
    [InlineData("hotkey")]
    [InlineData("latest")]
    [InlineData("sequential")]
    public void Every_key_distribution_picks_like_the_core_distribution(string kind)
    {
        var plan = new KeyDistributionPlan(kind, HotKeyIndex: 17);
        var executor = Executor(Http, Op("get"), keys: plan);
        var expected = KeyDistributions.Create(plan, 42, "browse", DataSet.Items);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => expected.Next(i)), Enumerable.Range(0, 200).Select(i => executor.IndexOf(i)));
    }

    [Fact]
    public async Task Latest_follows_the_items_inserted_by_new_puts()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));
        var scenario = Scenario(Op("put", new OperationOptions { NewItems = true }), Op("get")) with { Keys = new KeyDistributionPlan("latest", Theta: 3) };
        var executor = new DynamoDbOperationExecutor(http.CreateClient(), scenario, Table, DataSet, LoadLab.DynamoDb.Data.CustomerModel.Instance, 42, null, NoBackoff);

        for (long s = 0; s < 50; s++)
            await executor.ExecuteAsync(new(s, 0), CancellationToken.None);

        long start = executor.NewItemsStart;
        Assert.Equal(start + 49, executor.NewestIndex);
        // A steep exponent puts nearly every draw on the newest items, which only the puts created.
        var picks = Enumerable.Range(1000, 200).Select(i => executor.IndexOf(i)).ToList();
        Assert.All(picks, i => Assert.True(i < DataSet.Items || (i >= start && i <= start + 49), $"index {i}"));
        Assert.True(picks.Count(i => i >= start) > 150, $"{picks.Count(i => i >= start)} of 200 on new items");
    }

    [Fact]
    public void Scenarios_insert_new_items_into_ranges_of_their_own()
    {
        var put = Op("put", new OperationOptions { NewItems = true });
        var a = new DynamoDbOperationExecutor(Http.CreateClient(), Scenario(put) with { Name = "ingest" }, Table, DataSet, LoadLab.DynamoDb.Data.CustomerModel.Instance, 42);
        var b = new DynamoDbOperationExecutor(Http.CreateClient(), Scenario(put) with { Name = "bulk-load" }, Table, DataSet, LoadLab.DynamoDb.Data.CustomerModel.Instance, 42);

        Assert.NotEqual(a.NewItemsStart, b.NewItemsStart);
        Assert.True(Math.Abs(a.NewItemsStart - b.NewItemsStart) >= 1L << 32);
    }

    [Fact]
    public void A_query_of_a_table_without_a_sort_key_is_refused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Executor(Http, Op("query"), table: PartitionOnlyTable));

        Assert.Contains("Scenario 'browse', operation 'query'", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no sort key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_index_is_refused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Executor(Http, Op("query", new OperationOptions { Index = "byStatus" })));

        Assert.Contains("has no index 'byStatus'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_placeholder_without_a_value_is_refused()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Executor(Http, Op("scan", new OperationOptions { Filter = "total > :min" })));

        Assert.Contains(":min", error.Message, StringComparison.Ordinal);
    }
}
