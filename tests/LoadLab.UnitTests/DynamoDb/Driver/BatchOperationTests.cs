using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using static LoadLab.UnitTests.DynamoDb.Driver.DriverTestKit;

namespace LoadLab.UnitTests.DynamoDb.Driver;

// Batch reads and writes: distinct keys, and unprocessed items resent with backoff and counted.
public sealed class BatchOperationTests
{
    private const string LeftOverPut = """{"PutRequest":{"Item":{"pk":{"S":"CUSTOMER#0000000001"},"sk":{"S":"PROFILE"}}}}""";
    private const string LeftOverKey = """{"pk":{"S":"CUSTOMER#0000000001"},"sk":{"S":"PROFILE"}}""";

    private static string WriteAnswer(int leftOver) =>
        $$$"""{"UnprocessedItems":{{{(leftOver == 0 ? "{}" : "{\"Customers\":[" + string.Join(",", Enumerable.Repeat(LeftOverPut, leftOver)) + "]}")}}},"ConsumedCapacity":[{{{Consumed(5)}}}]}""";

    [Fact]
    public async Task BatchWrite_puts_distinct_items_and_resends_the_unprocessed_ones()
    {
        var http = new FakeDynamoDbHttp(r => FakeDynamoDbHttp.Json(WriteAnswer(leftOver: r.Call switch { 1 => 3, 2 => 1, _ => 0 })));

        var outcome = await Executor(http, Op("batchWrite", new OperationOptions { BatchSize = 10 })).Run(7);

        var requests = http.Requests.ToList();
        Assert.Equal(3, requests.Count);
        var first = requests[0].Body.GetProperty("RequestItems").GetProperty("Customers");
        Assert.Equal(10, first.GetArrayLength());
        var keys = first.EnumerateArray().Select(w => w.GetProperty("PutRequest").GetProperty("Item").GetProperty("pk").GetProperty("S").GetString()).ToList();
        Assert.Equal(10, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, requests[1].Body.GetProperty("RequestItems").GetProperty("Customers").GetArrayLength());
        Assert.Equal(1, requests[2].Body.GetProperty("RequestItems").GetProperty("Customers").GetArrayLength());
        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        Assert.Equal(2, outcome.UnprocessedRetries);
        Assert.Equal(15.0, outcome.WriteUnits, 9);
        Assert.Equal(1, outcome.Attempts);
    }

    [Fact]
    public async Task Unprocessed_items_that_outlast_the_retries_are_a_throttle()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json(WriteAnswer(leftOver: 1)));
        var options = NoBackoff with { MaxUnprocessedRetries = 2 };

        var outcome = await Executor(http, Op("batchWrite", new OperationOptions { BatchSize = 2 }), options).Run();

        Assert.Equal(3, http.Calls);
        Assert.Equal(OutcomeKind.Throttled, outcome.Kind);
        Assert.Equal("UnprocessedItems", outcome.Reason);
        Assert.Equal(2, outcome.UnprocessedRetries);
    }

    [Fact]
    public async Task BatchWrite_new_inserts_after_the_seeded_items()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json(WriteAnswer(leftOver: 0)));
        var executor = Executor(http, Op("batchWrite", new OperationOptions { BatchSize = 3, NewItems = true }));

        await executor.Run();

        Assert.Equal(executor.NewItemsStart + 2, executor.NewestIndex);
    }

    [Fact]
    public async Task BatchGet_reads_distinct_keys_counts_items_and_resends_unprocessed_keys()
    {
        var http = new FakeDynamoDbHttp(r => FakeDynamoDbHttp.Json(r.Call == 1
            ? $$$"""{"Responses":{"Customers":[{{{LeftOverKey}}},{{{LeftOverKey}}},{{{LeftOverKey}}}]},"UnprocessedKeys":{"Customers":{"Keys":[{{{LeftOverKey}}}]}},"ConsumedCapacity":[{{{Consumed(1.5)}}}]}"""
            : $$$"""{"Responses":{"Customers":[{{{LeftOverKey}}}]},"UnprocessedKeys":{},"ConsumedCapacity":[{{{Consumed(0.5)}}}]}"""));
        var options = new OperationOptions { BatchSize = 4, ConsistentRead = true, Projection = ["email"] };

        var outcome = await Executor(http, Op("batchGet", options)).Run(2);

        var requests = http.Requests.ToList();
        var first = requests[0].Body.GetProperty("RequestItems").GetProperty("Customers");
        Assert.Equal(4, first.GetProperty("Keys").GetArrayLength());
        Assert.True(first.GetProperty("ConsistentRead").GetBoolean());
        Assert.Equal(1, requests[1].Body.GetProperty("RequestItems").GetProperty("Customers").GetProperty("Keys").GetArrayLength());
        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        Assert.Equal((4, 1), (outcome.ItemsReturned, outcome.UnprocessedRetries));
        Assert.Equal(2.0, outcome.ReadUnits, 9);
    }

    [Fact]
    public void A_batch_larger_than_the_API_allows_is_refused_up_front()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));

        var error = Assert.ThrowsAny<ArgumentException>(() => Executor(http, Op("batchWrite", new OperationOptions { BatchSize = 26 })));

        Assert.Contains("operation 'batchWrite'", error.Message, StringComparison.Ordinal);
    }
}
