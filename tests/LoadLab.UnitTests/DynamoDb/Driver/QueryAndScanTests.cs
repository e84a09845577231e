using LoadLab.Core.Outcomes;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data;
using static LoadLab.UnitTests.DynamoDb.Driver.DriverTestKit;

namespace LoadLab.UnitTests.DynamoDb.Driver;

// Query and scan: request shape, paging, and the item and page counts they record.
public sealed class QueryAndScanTests
{
    private const string Item = """{"pk":{"S":"x"},"sk":{"S":"y"}}""";

    private static string Page(int returned, int scanned, bool more, double units = 0.5)
    {
        string items = string.Join(",", Enumerable.Repeat(Item, returned));
        string next = more ? "\"LastEvaluatedKey\":" + Item + "," : string.Empty;
        return $"{{\"Items\":[{items}],\"Count\":{returned},\"ScannedCount\":{scanned},{next}\"ConsumedCapacity\":{Consumed(units)}}}";
    }

    [Theory]
    [InlineData(SortKeyOperator.BeginsWith, "begins_with(sk, :ll0)")]
    [InlineData(SortKeyOperator.Equal, "sk = :ll0")]
    [InlineData(SortKeyOperator.Less, "sk < :ll0")]
    [InlineData(SortKeyOperator.LessOrEqual, "sk <= :ll0")]
    [InlineData(SortKeyOperator.Greater, "sk > :ll0")]
    [InlineData(SortKeyOperator.GreaterOrEqual, "sk >= :ll0")]
    [InlineData(SortKeyOperator.Between, "sk BETWEEN :ll0 AND :ll1")]
    public async Task Query_sends_partition_equality_and_the_sort_key_condition(SortKeyOperator op, string expected)
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json(Page(1, 1, more: false)));
        var condition = new SortKeyCondition(op, "ORDER#2024", op == SortKeyOperator.Between ? "ORDER#2025" : null);
        var executor = Executor(http, Op("query", new OperationOptions { SortKey = condition }));

        await executor.Run(4);

        var request = Assert.Single(http.Requests);
        Assert.Equal("Query", request.Operation);
        Assert.Equal("pk = :llpk AND " + expected, request.Body.Resolved("KeyConditionExpression"));
        var values = request.Body.GetProperty("ExpressionAttributeValues");
        Assert.Equal(CustomerModel.Instance.KeyOf(executor.IndexOf(4), Table)["pk"].S, values.GetProperty(":llpk").GetProperty("S").GetString());
        Assert.Equal("ORDER#2024", values.GetProperty(":ll0").GetProperty("S").GetString());
    }

    [Fact]
    public async Task Query_passes_limit_filter_values_projection_and_consistency()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json(Page(1, 3, more: false)));
        var options = new OperationOptions
        {
            Limit = 20,
            Filter = "#total > :min",
            Values = new Dictionary<string, ExpressionValue> { [":min"] = ExpressionValue.Number("100") },
            Projection = ["name"],
            ConsistentRead = true,
        };

        await Executor(http, Op("query", options)).Run();

        var body = Assert.Single(http.Requests).Body;
        Assert.Equal("20", body.Text("Limit"));
        Assert.Equal("total > :min", body.Resolved("FilterExpression"));
        Assert.Equal("100", body.GetProperty("ExpressionAttributeValues").GetProperty(":min").GetProperty("N").GetString());
        Assert.Equal("name", body.Resolved("ProjectionExpression"));
        Assert.Equal("True", body.Text("ConsistentRead"));
        Assert.Null(body.Text("IndexName"));
    }

    [Fact]
    public async Task Query_reads_every_page_by_default_and_counts_items_scanned_and_pages()
    {
        var http = new FakeDynamoDbHttp(r => FakeDynamoDbHttp.Json(Page(returned: 2, scanned: 5, more: r.Call < 3)));

        var outcome = await Executor(http, Op("query")).Run();

        Assert.Equal(3, http.Calls);
        Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        Assert.Equal((6, 15, 3), (outcome.ItemsReturned, outcome.ItemsScanned, outcome.Pages));
        Assert.Equal(1.5, outcome.ReadUnits, 9);
        // Pages are requests, not retries: three requests without a retry are one attempt.
        Assert.Equal(1, outcome.Attempts);
        Assert.False(http.Requests.First().Body.TryGetProperty("ExclusiveStartKey", out _));
        Assert.True(http.Requests.Last().Body.TryGetProperty("ExclusiveStartKey", out _));
    }

    [Fact]
    public async Task Query_with_pages_first_makes_one_request()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json(Page(returned: 20, scanned: 20, more: true)));

        var outcome = await Executor(http, Op("query", new OperationOptions { Pages = PageMode.First, Limit = 20 })).Run();

        Assert.Equal(1, http.Calls);
        Assert.Equal((20, 20, 1), (outcome.ItemsReturned, outcome.ItemsScanned, outcome.Pages));
    }

    [Fact]
    public async Task A_throttle_on_a_later_page_keeps_the_units_and_counts_of_the_pages_before()
    {
        var http = new FakeDynamoDbHttp(r => r.Call == 1
            ? FakeDynamoDbHttp.Json(Page(returned: 4, scanned: 4, more: true))
            : FakeDynamoDbHttp.Throttle("KeyRangeThroughputExceeded"));

        var outcome = await Executor(http, Op("query"), maxAttempts: 2).Run();

        Assert.Equal(OutcomeKind.Throttled, outcome.Kind);
        Assert.Equal("KeyRangeThroughputExceeded", outcome.Reason);
        Assert.Equal((4, 1), (outcome.ItemsReturned, outcome.Pages));
        Assert.Equal(0.5, outcome.ReadUnits, 9);
        // Three HTTP attempts over two requests: one of them was a retry.
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, outcome.ThrottledAttempts);
    }

    [Fact]
    public async Task Scan_reads_the_first_page_of_each_segment_in_parallel_by_default()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json(Page(returned: 3, scanned: 10, more: true)));
        var options = new OperationOptions
        {
            Segments = 4,
            Limit = 10,
            Filter = "tier = :tier",
            Values = new Dictionary<string, ExpressionValue> { [":tier"] = ExpressionValue.String("gold") },
        };

        var outcome = await Executor(http, Op("scan", options)).Run();

        Assert.Equal(4, http.Calls);
        var segments = http.Requests.Select(r => r.Body.GetProperty("Segment").GetInt32()).Order().ToArray();
        Assert.Equal([0, 1, 2, 3], segments);
        Assert.All(http.Requests, r => Assert.Equal(4, r.Body.GetProperty("TotalSegments").GetInt32()));
        Assert.All(http.Requests, r => Assert.Equal("tier = :tier", r.Body.GetProperty("FilterExpression").GetString()));
        Assert.Equal((12, 40, 4), (outcome.ItemsReturned, outcome.ItemsScanned, outcome.Pages));
        Assert.Equal(2.0, outcome.ReadUnits, 9);
    }

    [Fact]
    public async Task A_single_segment_scan_sends_no_segment_and_pages_all_follows_the_table_to_its_end()
    {
        var http = new FakeDynamoDbHttp(r => FakeDynamoDbHttp.Json(Page(returned: 1, scanned: 1, more: r.Call < 5)));

        var outcome = await Executor(http, Op("scan", new OperationOptions { Pages = PageMode.All })).Run();

        Assert.Equal(5, outcome.Pages);
        Assert.All(http.Requests, r => Assert.False(r.Body.TryGetProperty("Segment", out _)));
    }
}
