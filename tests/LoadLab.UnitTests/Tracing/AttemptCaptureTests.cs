using Amazon.DynamoDBv2.Model;
using LoadLab.DynamoDb.Client;
using LoadLab.Runner.Tracing;
using LoadLab.UnitTests.Tracing.Support;

namespace LoadLab.UnitTests.Tracing;

/// <summary>How tracing arms the attempt observer, through the real SDK pipeline and a fake HTTP target.</summary>
public sealed class AttemptCaptureTests
{
    [Fact]
    public void Unarmed_records_keep_no_details_and_send_no_header()
    {
        var record = AttemptScope.Begin();
        AttemptScope.End();

        Assert.Null(record.DetailClock);
        Assert.True(record.Details.IsEmpty);
        Assert.Null(AttemptScope.Disarm());
    }

    [Fact]
    public void Only_the_first_call_begun_after_arming_is_captured()
    {
        AttemptScope.Arm(TimeProvider.System, "Root=x");
        var first = AttemptScope.Begin();
        var second = AttemptScope.Begin();
        AttemptScope.End();

        Assert.Same(first, AttemptScope.Disarm());
        Assert.NotNull(first.DetailClock);
        Assert.Equal("Root=x", first.TraceHeader);
        Assert.Null(second.DetailClock);
        Assert.Null(AttemptScope.Disarm());
    }

    [Fact]
    public async Task Each_attempt_is_captured_with_status_request_id_sizes_and_throttle_reason()
    {
        var http = FakeDynamoDbHttp.Traced(call => call == 1 ? DynamoDbAnswers.Throttle() : DynamoDbAnswers.Item());
        using var client = http.CreateClient(maxAttempts: 3);

        var record = await CallArmedAsync(client, "Root=1-5f3a1b2c-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1");
        var details = Assert.Single(DynamoDbCallCapture.Instance.Read(record).Calls);

        Assert.Equal("GetItem", details.Operation);
        Assert.Equal(1, details.Retries);
        Assert.Equal(2, details.Attempts.Count);
        var (throttled, ok) = (details.Attempts[0], details.Attempts[1]);
        Assert.Equal(400, throttled.Status);
        Assert.Equal("KeyRangeThroughputExceeded", throttled.ThrottleReason);
        Assert.Equal("REQ1", throttled.RequestId);
        Assert.Equal("ProvisionedThroughputExceededException", throttled.Error!.Type);
        Assert.True(throttled.Error.Remote);
        Assert.NotNull(throttled.Error.Message);
        Assert.Equal(200, ok.Status);
        Assert.Equal("REQ2", ok.RequestId);
        Assert.Null(ok.Error);
        Assert.True(ok.RequestBytes > 0);
        Assert.True(ok.ResponseBytes > 0);
        Assert.True(throttled.Start <= throttled.End && throttled.End <= ok.Start && ok.Start <= ok.End);
        Assert.Equal(["Root=1-5f3a1b2c-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1", "Root=1-5f3a1b2c-0123456789abcdef01234567;Parent=53995c3f42cd8ad8;Sampled=1"], http.TraceHeaders);
    }

    [Fact]
    public async Task Server_errors_and_validation_errors_are_captured_without_unsafe_messages()
    {
        var http = FakeDynamoDbHttp.Traced(call => call == 1 ? DynamoDbAnswers.ServerError() : DynamoDbAnswers.Validation());
        using var client = http.CreateClient(maxAttempts: 3);

        var record = await CallArmedAsync(client, traceHeader: null);
        var attempts = Assert.Single(DynamoDbCallCapture.Instance.Read(record).Calls).Attempts;

        Assert.Equal(2, attempts.Count);
        Assert.Equal(500, attempts[0].Status);
        Assert.NotNull(attempts[0].Error!.Message);
        Assert.Equal(400, attempts[1].Status);
        Assert.Equal("ValidationException", attempts[1].Error!.Code);
        Assert.Null(attempts[1].Error!.Message);
        Assert.All(http.TraceHeaders, h => Assert.Null(h));
    }

    [Fact]
    public async Task Several_calls_of_one_operation_are_told_apart()
    {
        var http = FakeDynamoDbHttp.Traced(call => call == 2 ? DynamoDbAnswers.Throttle() : DynamoDbAnswers.Item());
        using var client = http.CreateClient(maxAttempts: 3);

        AttemptScope.Arm(TimeProvider.System, traceHeader: null);
        var pending = TwoCallsAsync(client);
        var record = Assert.IsType<AttemptRecord>(AttemptScope.Disarm());
        await pending;
        var calls = DynamoDbCallCapture.Instance.Read(record).Calls;

        Assert.Equal(2, calls.Count);
        Assert.Single(calls[0].Attempts);
        Assert.Equal(2, calls[1].Attempts.Count);
        Assert.Equal(1, calls[1].Retries);
        Assert.Equal("PutItem", calls[1].Operation);
    }

    private static async Task TwoCallsAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client)
    {
        AttemptScope.Begin();
        await client.GetItemAsync(new GetItemRequest { TableName = "customers", Key = new() { ["pk"] = new AttributeValue("a") } });
        await client.PutItemAsync(new PutItemRequest { TableName = "customers", Item = new() { ["pk"] = new AttributeValue("a") } });
    }

    private static async Task<AttemptRecord> CallArmedAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, string? traceHeader)
    {
        AttemptScope.Arm(TimeProvider.System, traceHeader);
        var pending = CallAsync(client);
        var record = AttemptScope.Disarm();
        await pending;
        return Assert.IsType<AttemptRecord>(record);
    }

    // Like the executor: Begin before the first await, inside an async method.
    private static async Task CallAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client)
    {
        AttemptScope.Begin();
        try
        {
            await client.GetItemAsync(new GetItemRequest { TableName = "customers", Key = new() { ["pk"] = new AttributeValue("a") } });
        }
        catch (Amazon.Runtime.AmazonServiceException)
        {
            // The error is what the test looks at, through the record.
        }
    }
}
