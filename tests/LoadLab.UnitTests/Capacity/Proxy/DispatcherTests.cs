using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Model;
using Microsoft.AspNetCore.Http;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Routing, bad input, table lifecycle and the admin endpoints, in process.</summary>
public sealed class DispatcherTests
{
    [Fact]
    public async Task An_unknown_target_goes_to_the_emulator_whose_UnknownOperationException_is_DynamoDBs()
    {
        using var harness = new ProxyHarness();
        harness.Upstream.Answer = (_, _) => (400, """{"__type":"com.amazon.coral.service#UnknownOperationException"}""");

        var reply = await harness.SendAsync("Frobnicate", "{}");

        Assert.Equal(400, reply.Status);
        Assert.Equal("""{"__type":"com.amazon.coral.service#UnknownOperationException"}""", reply.Body);
        Assert.Equal(["Frobnicate"], harness.Upstream.Operations);
        Assert.Empty(harness.Model.Admitted);
    }

    [Fact]
    public async Task An_empty_body_goes_to_the_emulator_which_checks_authentication_before_the_body()
    {
        using var harness = new ProxyHarness();
        harness.Upstream.Answer = (_, _) => (400, """{"__type":"com.amazon.coral.service#SerializationException"}""");

        var reply = await harness.SendAsync("GetItem", string.Empty);

        Assert.EndsWith("SerializationException", reply.Type);
        Assert.Equal(["GetItem"], harness.Upstream.Operations);
    }

    [Theory]
    [InlineData("application/json", "application/json")]
    [InlineData("application/x-amz-json-1.0", "application/x-amz-json-1.0")]
    [InlineData("application/json; charset=utf-8", "application/json")]
    public async Task Answers_of_the_proxy_echo_the_content_type_and_carry_CORS_for_a_browser(string sent, string expected)
    {
        using var harness = new ProxyHarness();

        var reply = await harness.SendAsync("GetItem", "{\"TableName\":", new Dictionary<string, string> { ["Content-Type"] = sent, ["Origin"] = "http://localhost:3000" });

        Assert.EndsWith("SerializationException", reply.Type);
        Assert.Equal(expected, reply.Headers["Content-Type"]);
        Assert.Equal("*", reply.Headers["Access-Control-Allow-Origin"]);
    }

    [Theory]
    [InlineData("{\"TableName\":")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    [InlineData("{} trailing")]
    public async Task Malformed_json_is_SerializationException(string body)
    {
        using var harness = new ProxyHarness();

        var reply = await harness.SendAsync("GetItem", body);

        Assert.Equal(400, reply.Status);
        Assert.Equal("com.amazon.coral.service#SerializationException", reply.Type);
        Assert.Empty(harness.Upstream.Requests);
    }

    [Fact]
    public async Task Operations_without_capacity_rules_are_relayed_untouched()
    {
        using var harness = new ProxyHarness();
        harness.Upstream.Answer = (op, _) => (200, """{"TableNames":["A","B"]}""");

        var reply = await harness.SendAsync("ListTables", "{}");

        Assert.Equal("""{"TableNames":["A","B"]}""", reply.Body);
        Assert.Equal(["ListTables"], harness.Upstream.Operations);
        Assert.Empty(harness.Model.Admitted);
    }

    [Fact]
    public async Task A_request_the_proxy_cannot_price_goes_to_the_emulator_uncharged()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Upstream.Answer = (_, _) => FakeUpstream.Error("ValidationException", "One of the required keys was not given a value");

        var reply = await harness.SendAsync("GetItem", """{"TableName":"Orders","Key":{"pk":{"S":"a"}}}""");

        Assert.Equal(400, reply.Status);
        Assert.EndsWith("ValidationException", reply.Type);
        Assert.Empty(harness.Model.Admitted);
        Assert.Empty(harness.Model.Settled);
    }

    [Fact]
    public async Task A_body_over_16_MB_is_refused_before_it_is_read()
    {
        using var harness = new ProxyHarness();

        var reply = await harness.SendRawAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.ContentType = "application/x-amz-json-1.0";
            http.Request.Headers["X-Amz-Target"] = "DynamoDB_20120810.PutItem";
            http.Request.ContentLength = 17_000_000;
        });

        // As the emulator (and DynamoDB's front end): 413 and no body, whatever the target.
        Assert.Equal(413, reply.Status);
        Assert.Empty(reply.Bytes);
    }

    [Fact]
    public async Task CreateTable_registers_the_table_with_the_model_and_pending_auto_scaling()
    {
        using var harness = new ProxyHarness();
        var admin = await Admin(harness, "POST", "/_loadlab/tables/Orders/autoscaling", """{"write":{"targetUtilization":0.7,"minUnits":50,"maxUnits":500}}""");

        await harness.CreateOrdersAsync();

        Assert.Equal(202, admin.Status);
        var created = Assert.Single(harness.Model.Created);
        Assert.Equal(CapacityBillingMode.Provisioned, created.Mode);
        Assert.Equal((100d, 50d), (created.ReadUnits, created.WriteUnits));
        Assert.Equal(5, Assert.Single(created.GlobalIndexes).WriteUnits);
        Assert.Equal(new AutoScalingPolicy(0.7, 50, 500), created.WriteScaling);
    }

    [Fact]
    public async Task With_no_status_delay_CreateTable_answers_once_the_emulator_shows_the_table_and_its_indexes_ACTIVE()
    {
        using var harness = new ProxyHarness();
        int looks = 0;
        harness.Upstream.Answer = (operation, _) => operation switch
        {
            // dynalite flips CREATING to ACTIVE on a timer after answering; here the third look sees it done.
            "DescribeTable" => (200, ++looks switch
            {
                1 => """{"Table":{"TableName":"Orders","TableStatus":"CREATING"}}""",
                2 => """{"Table":{"TableName":"Orders","TableStatus":"ACTIVE","GlobalSecondaryIndexes":[{"IndexName":"byStatus","IndexStatus":"CREATING"}]}}""",
                _ => """{"Table":{"TableName":"Orders","TableStatus":"ACTIVE","GlobalSecondaryIndexes":[{"IndexName":"byStatus","IndexStatus":"ACTIVE"}]}}""",
            }),
            _ => (200, """{"TableDescription":{"TableName":"Orders","TableStatus":"CREATING"}}"""),
        };

        await harness.CreateOrdersAsync();

        Assert.Equal(["CreateTable", "DescribeTable", "DescribeTable", "DescribeTable"], harness.Upstream.Operations);
    }

    [Fact]
    public async Task With_no_status_delay_DeleteTable_answers_once_the_emulator_no_longer_has_the_table()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        int looks = 0;
        harness.Upstream.Answer = (operation, _) => operation switch
        {
            "DescribeTable" => ++looks < 3 ? (200, """{"Table":{"TableName":"Orders","TableStatus":"DELETING"}}""") : FakeUpstream.Error("ResourceNotFoundException"),
            _ => (200, """{"TableDescription":{"TableName":"Orders","TableStatus":"DELETING"}}"""),
        };

        var reply = await harness.SendAsync("DeleteTable", """{"TableName":"Orders"}""");

        Assert.Equal(200, reply.Status);
        Assert.Equal(3, looks);
        Assert.Equal("DescribeTable", harness.Upstream.Operations.Last());
    }

    [Fact]
    public async Task With_a_status_delay_the_lifecycle_answers_at_once_and_the_client_sees_CREATING()
    {
        using var harness = new ProxyHarness(tableStatusDelay: TimeSpan.FromSeconds(5));
        harness.Upstream.Answer = (_, _) => (200, """{"TableDescription":{"TableName":"Orders","TableStatus":"CREATING"}}""");

        await harness.CreateOrdersAsync();

        Assert.Equal(["CreateTable"], harness.Upstream.Operations);
    }

    [Fact]
    public async Task An_UpdateTable_the_model_refuses_is_LimitExceededException_and_never_forwarded()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Model.RefuseUpdates = "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day";

        var reply = await harness.SendAsync("UpdateTable", """{"TableName":"Orders","ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}""");

        Assert.Equal(400, reply.Status);
        Assert.Equal("com.amazonaws.dynamodb.v20120810#LimitExceededException", reply.Type);
        Assert.StartsWith("Subscriber limit exceeded", reply.Json.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("UpdateTable", harness.Upstream.Operations);
    }

    [Fact]
    public async Task DescribeTable_shows_the_models_capacity()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync(onDemand: true);
        var current = harness.Model.Describe(ProxyHarness.Table)!;
        harness.Model.UpdateTable(current with { MaxReadRequestUnits = 900 });
        harness.Upstream.Answer = (_, _) => (200, """{"Table":{"TableName":"Orders","ProvisionedThroughput":{"NumberOfDecreasesToday":0,"ReadCapacityUnits":0,"WriteCapacityUnits":0},"BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"},"TableStatus":"ACTIVE"}}""");

        var table = (await harness.SendAsync("DescribeTable", """{"TableName":"Orders"}""")).Json.GetProperty("Table");

        Assert.Equal("PAY_PER_REQUEST", table.GetProperty("BillingModeSummary").GetProperty("BillingMode").GetString());
        Assert.Equal(900, table.GetProperty("OnDemandThroughput").GetProperty("MaxReadRequestUnits").GetDouble());
        Assert.Equal(-1, table.GetProperty("OnDemandThroughput").GetProperty("MaxWriteRequestUnits").GetDouble());
        Assert.Equal(0, table.GetProperty("ProvisionedThroughput").GetProperty("NumberOfDecreasesToday").GetInt32());
        Assert.Equal("ACTIVE", table.GetProperty("TableStatus").GetString());
    }

    [Fact]
    public async Task Attempts_of_one_call_are_counted_by_invocation_id()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            await harness.SendAsync("GetItem", """{"TableName":"Orders","Key":{"pk":{"S":"a"},"sk":{"S":"1"}}}""", new Dictionary<string, string>
            {
                ["amz-sdk-invocation-id"] = "0f5b2c7e-1111-4a4a-9b9b-123456789abc",
                ["amz-sdk-request"] = $"attempt={attempt}; max=3",
            });
        }

        var statistics = harness.Statistics;
        var call = Assert.Single(statistics.RecentCalls, c => c.Operation == "GetItem");
        Assert.Equal((3, 3), (call.Attempts, call.MaxAttempts));
        Assert.Equal(2, statistics.RetryAttempts);
        Assert.Equal(1, statistics.CallsByAttempts[3]);
        Assert.Equal(2, statistics.LogicalCalls); // the CreateTable, and the GetItem however often it was tried
    }

    [Fact]
    public async Task The_metrics_endpoint_serves_the_model_snapshot_and_the_attempt_statistics()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();

        var reply = await Admin(harness, "GET", "/_loadlab/metrics", null);
        var health = await Admin(harness, "GET", "/_loadlab/health", null);
        var missing = await Admin(harness, "GET", "/_loadlab/nope", null);

        Assert.Equal(200, reply.Status);
        Assert.Equal("scripted", reply.Json.GetProperty("model").GetProperty("preset").GetString());
        Assert.Equal(1, reply.Json.GetProperty("requests").GetProperty("attempts").GetInt64());
        Assert.Equal("ok", health.Json.GetProperty("status").GetString());
        Assert.Equal(404, missing.Status);
    }

    private static Task<ProxyReply> Admin(ProxyHarness harness, string method, string path, string? body) => harness.SendRawAsync(http =>
    {
        http.Request.Method = method;
        http.Request.Path = path;
        if (body is not null)
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
    });

    [Fact]
    public void The_proxy_ticks_the_model_on_its_clock_so_metrics_advance_without_traffic()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var harness = new ProxyHarness(time: clock);

        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(3, harness.Model.Ticks);
    }

    [Fact]
    public void ARNs_default_to_the_models_region_and_account()
    {
        var model = new ScriptedCapacityModel();
        using var services = new LoadLab.Capacity.Proxy.Hosting.ProxyServices(new LoadLab.Capacity.Proxy.CapacityProxyOptions { Upstream = new Uri("http://127.0.0.1:1/") }, model);

        using var response = services.Throttles.Throttle([new ThrottleCause("TableReadKeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.OnDemand, "T", null)]);

        Assert.Contains("arn:aws:dynamodb:us-east-1:000000000000:table/T", Encoding.UTF8.GetString(response.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_get_of_the_root_is_the_emulators_health_answer()
    {
        using var harness = new ProxyHarness();
        harness.Upstream.Answer = (_, _) => (200, "healthy");

        var reply = await harness.SendRawAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/";
        });

        Assert.Equal("healthy", reply.Body);
    }
}
