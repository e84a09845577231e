using System.Text;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.Capacity.Proxy.Emission;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>Throttles on the wire exactly as docs/capacity-model.md §17 describes them.</summary>
public sealed class ThrottleEmissionTests
{
    private const string Arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders";

    private static readonly ThrottleEmitter Emitter = new(new ThrottleEmissionOptions(), "eu-west-1", "111122223333");

    [Fact]
    public void Provisioned_table_bucket_is_PTEE_with_ThrottlingReasons_and_the_nested_type()
    {
        using var response = Emitter.Throttle([new ThrottleCause("TableWriteProvisionedThroughputExceeded", ThrottleLimit.Provisioned, CapacityBillingMode.Provisioned, "Orders", null)]);

        Assert.Equal(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\"," +
            "\"message\":\"The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.\"," +
            "\"ThrottlingReasons\":[{\"__type\":\"ThrottlingReason\",\"reason\":\"TableWriteProvisionedThroughputExceeded\",\"resource\":\"" + Arn + "\"}]}",
            Body(response));
        Assert.Equal(400, response.Status);
        Assert.Equal(WireResponse.AmzJson, response.ContentType);
        Assert.Equal(Crc32.HeaderValue(response.Body.Span), response.Crc32);
        Assert.Equal(52, response.RequestId.Length);
        Assert.Equal(AttemptOutcome.Throttled, response.Outcome);
    }

    [Fact]
    public void Provisioned_GSI_bucket_names_the_index_arn_and_uses_the_index_message()
    {
        using var response = Emitter.Throttle([new ThrottleCause("IndexWriteProvisionedThroughputExceeded", ThrottleLimit.Provisioned, CapacityBillingMode.Provisioned, "Orders", "byStatus")]);

        var json = Json(response);
        Assert.EndsWith("#ProvisionedThroughputExceededException", json.GetProperty("__type").GetString());
        Assert.Equal(ThrottleMessages.ProvisionedIndex, json.GetProperty("message").GetString());
        Assert.Equal(Arn + "/index/byStatus", json.GetProperty("ThrottlingReasons")[0].GetProperty("resource").GetString());
    }

    [Fact]
    public void Provisioned_key_range_is_still_PTEE()
    {
        using var response = Emitter.Throttle([new ThrottleCause("TableReadKeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.Provisioned, "Orders", null)]);

        Assert.EndsWith("#ProvisionedThroughputExceededException", Json(response).GetProperty("__type").GetString());
        Assert.Equal("TableReadKeyRangeThroughputExceeded", Json(response).GetProperty("ThrottlingReasons")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void On_demand_key_range_is_ThrottlingException_with_lower_case_throttlingReasons()
    {
        using var response = Emitter.Throttle([new ThrottleCause("TableWriteKeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.OnDemand, "Orders", null)]);

        Assert.Equal(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"" + ThrottleMessages.OnDemand + "\"," +
            "\"throttlingReasons\":[{\"__type\":\"ThrottlingReason\",\"reason\":\"TableWriteKeyRangeThroughputExceeded\",\"resource\":\"" + Arn + "\"}]}",
            Body(response));
    }

    [Fact]
    public void On_demand_maximum_is_ThrottlingException_with_its_own_message()
    {
        using var response = Emitter.Throttle([new ThrottleCause("TableReadMaxOnDemandThroughputExceeded", ThrottleLimit.MaxOnDemand, CapacityBillingMode.OnDemand, "Orders", null)]);

        var json = Json(response);
        Assert.EndsWith("#ThrottlingException", json.GetProperty("__type").GetString());
        Assert.Equal(ThrottleMessages.MaxOnDemand, json.GetProperty("message").GetString());
        Assert.Equal("TableReadMaxOnDemandThroughputExceeded", json.GetProperty("throttlingReasons")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Account_limit_is_RequestLimitExceeded_with_upper_case_ThrottlingReasons()
    {
        using var response = Emitter.Throttle([new ThrottleCause("TableWriteAccountLimitExceeded", ThrottleLimit.AccountLimit, CapacityBillingMode.OnDemand, "Orders", null)]);

        Assert.Equal(
            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#RequestLimitExceeded\",\"message\":\"" + ThrottleMessages.AccountLimit + "\"," +
            "\"ThrottlingReasons\":[{\"__type\":\"ThrottlingReason\",\"reason\":\"TableWriteAccountLimitExceeded\",\"resource\":\"" + Arn + "\"}]}",
            Body(response));
    }

    [Fact]
    public void Several_causes_list_each_unique_reason_once()
    {
        using var response = Emitter.Throttle(
        [
            new ThrottleCause("IndexWriteKeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.OnDemand, "Orders", "byStatus"),
            new ThrottleCause("TableWriteKeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.OnDemand, "Orders", null),
            new ThrottleCause("TableWriteKeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.OnDemand, "Orders", null),
        ]);

        var reasons = Json(response).GetProperty("throttlingReasons").EnumerateArray().Select(r => r.GetProperty("reason").GetString()).ToList();
        Assert.Equal(["IndexWriteKeyRangeThroughputExceeded", "TableWriteKeyRangeThroughputExceeded"], reasons);
    }

    [Fact]
    public async Task Options_give_the_short_type_no_nested_type_and_a_retry_after_header()
    {
        var emitter = new ThrottleEmitter(new ThrottleEmissionOptions { ShortType = true, OmitNestedType = true, RetryAfterMs = 250 }, "eu-west-1", "111122223333");

        using var response = emitter.Throttle([new ThrottleCause("TableWriteProvisionedThroughputExceeded", ThrottleLimit.Provisioned, CapacityBillingMode.Provisioned, "Orders", null)]);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        await response.WriteAsync(http.Response, CancellationToken.None);

        var json = Json(response);
        Assert.Equal("ProvisionedThroughputExceededException", json.GetProperty("__type").GetString());
        Assert.False(json.GetProperty("ThrottlingReasons")[0].TryGetProperty("__type", out _));
        Assert.Equal("250", http.Response.Headers[ThrottleEmitter.RetryAfterHeader].ToString());
        Assert.Equal(response.Body.Length, http.Response.ContentLength);
    }

    [Fact]
    public void Omitting_reasons_gives_the_pre_2025_body()
    {
        var emitter = new ThrottleEmitter(new ThrottleEmissionOptions { OmitReasons = true }, "eu-west-1", "111122223333");

        using var response = emitter.Throttle([new ThrottleCause("TableWriteKeyRangeThroughputExceeded", ThrottleLimit.KeyRange, CapacityBillingMode.OnDemand, "Orders", null)]);

        Assert.Equal("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"" + ThrottleMessages.OnDemand + "\"}", Body(response));
    }

    [Fact]
    public void A_refused_transaction_can_be_TransactionCanceledException_with_ThrottlingError_on_the_refused_actions()
    {
        using var response = Emitter.TransactionCanceled(
            [new ThrottleCause("TableWriteProvisionedThroughputExceeded", ThrottleLimit.Provisioned, CapacityBillingMode.Provisioned, "Orders", null)],
            ["Customers", "Orders"]);

        var json = Json(response);
        Assert.EndsWith("#TransactionCanceledException", json.GetProperty("__type").GetString());
        Assert.Equal(ThrottleMessages.TransactionCancelledPrefix + "[None, ThrottlingError]", json.GetProperty("Message").GetString());
        Assert.Equal(["None", "ThrottlingError"], json.GetProperty("CancellationReasons").EnumerateArray().Select(r => r.GetProperty("Code").GetString()));
    }

    [Fact]
    public async Task A_refused_request_is_answered_by_the_proxy_and_never_reaches_the_emulator()
    {
        using var harness = new ProxyHarness();
        await harness.CreateOrdersAsync();
        harness.Model.Refuse = c => ScriptedCapacityModel.Cause(c, "ProvisionedThroughputExceeded", ThrottleLimit.Provisioned, CapacityBillingMode.Provisioned);

        var reply = await harness.SendAsync("PutItem", """{"TableName":"Orders","Item":{"pk":{"S":"a"},"sk":{"S":"1"}}}""");

        Assert.Equal(400, reply.Status);
        Assert.EndsWith("#ProvisionedThroughputExceededException", reply.Type);
        Assert.Equal(Crc32.HeaderValue(reply.Bytes), reply.Headers["x-amz-crc32"]);
        Assert.Equal(reply.Bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Headers["Content-Length"]);
        Assert.Equal(52, reply.Headers["x-amzn-RequestId"].Length);
        Assert.DoesNotContain("PutItem", harness.Upstream.Operations);
        Assert.Empty(harness.Model.Settled);
        Assert.Equal(1, harness.Statistics.ThrottledAttempts);
    }

    private static string Body(WireResponse response) => Encoding.UTF8.GetString(response.Body.Span);

    private static System.Text.Json.JsonElement Json(WireResponse response) => System.Text.Json.JsonDocument.Parse(response.Body).RootElement;
}
