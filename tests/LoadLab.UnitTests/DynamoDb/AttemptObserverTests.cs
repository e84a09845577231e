using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using LoadLab.DynamoDb.Client;

namespace LoadLab.UnitTests.DynamoDb;

public sealed class AttemptObserverTests
{
    [Fact]
    public async Task Counts_every_attempt_and_every_throttle_even_when_a_retry_succeeds()
    {
        var http = new FakeDynamoDbHttp(r => r.Call == 1
            ? FakeDynamoDbHttp.Throttle("KeyRangeThroughputExceeded")
            : FakeDynamoDbHttp.Json("""{"Item":{"pk":{"S":"a"}}}"""));
        using var client = http.CreateClient(maxAttempts: 3);

        var record = await GetAsync(client);

        Assert.Equal(2, http.Calls);
        Assert.Equal(2, record.Attempts);
        Assert.Equal(1, record.ThrottledAttempts);
        Assert.Equal("KeyRangeThroughputExceeded", record.LastThrottleReason);
        Assert.Equal(1, record.SdkRetries);
    }

    [Fact]
    public async Task Counts_attempts_that_are_not_throttles_without_counting_them_as_throttled()
    {
        var http = new FakeDynamoDbHttp(r => r.Call == 1
            ? FakeDynamoDbHttp.Error("InternalServerError", status: System.Net.HttpStatusCode.InternalServerError)
            : FakeDynamoDbHttp.Json("{}"));
        using var client = http.CreateClient(maxAttempts: 3);

        var record = await GetAsync(client);

        Assert.Equal(2, record.Attempts);
        Assert.Equal(0, record.ThrottledAttempts);
        Assert.Null(record.LastThrottleReason);
    }

    [Fact]
    public async Task Calls_outside_a_scope_are_not_counted_and_scopes_do_not_leak()
    {
        var http = new FakeDynamoDbHttp(_ => FakeDynamoDbHttp.Json("{}"));
        using var client = http.CreateClient();

        await client.GetItemAsync(Request());
        var record = await GetAsync(client);

        Assert.Equal(1, record.Attempts);
        Assert.Null(AttemptScope.Current);
    }

    [Fact]
    public void Sync_path_counts_attempts_and_throttles()
    {
        // The .NET (Core) SDK has no sync DynamoDB methods, so the handler is driven directly, as RetryHandler would.
        var inner = new ScriptedHandler(new ProvisionedThroughputExceededException("slow") { ThrottlingReasons = [new ThrottlingReason { Reason = "TableWriteProvisionedThroughputExceeded" }] }, null);
        var observer = new AttemptObserverHandler { InnerHandler = inner };
        var record = AttemptScope.Begin();
        try
        {
            Assert.Throws<ProvisionedThroughputExceededException>(() => observer.InvokeSync(new FakeExecutionContext()));
            observer.InvokeSync(new FakeExecutionContext());
        }
        finally
        {
            AttemptScope.End();
        }

        Assert.Equal(2, record.Attempts);
        Assert.Equal(1, record.ThrottledAttempts);
        Assert.Equal("TableWriteProvisionedThroughputExceeded", record.LastThrottleReason);
    }

    private static async Task<AttemptRecord> GetAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client)
    {
        var record = AttemptScope.Begin();
        await client.GetItemAsync(Request());
        return record;
    }

    private static GetItemRequest Request() => new() { TableName = "customers", Key = new() { ["pk"] = new AttributeValue("a") } };

    private sealed class ScriptedHandler(params Exception?[] script) : PipelineHandler
    {
        private int call;

        public override void InvokeSync(IExecutionContext executionContext)
        {
            if (script[call++] is { } ex)
                throw ex;
        }
    }

    private sealed class FakeExecutionContext : IExecutionContext
    {
        public IRequestContext RequestContext { get; } = null!;

        public IResponseContext ResponseContext { get; } = null!;
    }
}
