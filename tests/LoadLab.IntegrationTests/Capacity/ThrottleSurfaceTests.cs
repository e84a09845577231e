using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>What the real AWS SDK for .NET makes of the proxy's throttles.</summary>
[Collection("local-target")]
public sealed class ThrottleSurfaceTests(LocalTargetFixture fixture)
{
    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task A_refused_PutItem_is_ProvisionedThroughputExceededException_with_reasons_after_three_attempts_and_is_never_written(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync();
        bed.Model.Refuse = ScriptedCapacityModel.RefuseWrites(ThrottleLimit.Provisioned, CapacityBillingMode.Provisioned, "ProvisionedThroughputExceeded");

        var ex = await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(
            () => bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1") }));

        var reason = Assert.Single(ex.ThrottlingReasons);
        Assert.Equal("TableWriteProvisionedThroughputExceeded", reason.Reason);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:000000000000:table/{table}", reason.Resource);
        var call = Assert.Single(bed.Proxy.RequestStatistics.RecentCalls, c => c.Operation == "PutItem");
        Assert.Equal(3, call.Attempts);
        Assert.Equal(3, call.ThrottledAttempts);
        Assert.Equal(3, call.MaxAttempts);
        bed.Model.Refuse = _ => null;
        var get = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("a", "1"), ConsistentRead = true });
        Assert.False(get.IsItemSet);
    }

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task An_on_demand_key_range_throttle_is_ThrottlingException_with_reasons(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync(onDemand: true);
        bed.Model.Refuse = ScriptedCapacityModel.RefuseWrites(ThrottleLimit.KeyRange, CapacityBillingMode.OnDemand, "KeyRangeThroughputExceeded");

        var ex = await Assert.ThrowsAsync<ThrottlingException>(
            () => bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1") }));

        var reason = Assert.Single(ex.ThrottlingReasons);
        Assert.Equal("TableWriteKeyRangeThroughputExceeded", reason.Reason);
        Assert.Equal($"arn:aws:dynamodb:us-east-1:000000000000:table/{table}", reason.Resource);
        Assert.Equal(3, bed.Proxy.RequestStatistics.ThrottledAttempts);
    }

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task An_account_limit_is_RequestLimitExceededException_with_reasons(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture, transport: transport);
        string table = await bed.CreateTableAsync(onDemand: true);
        bed.Model.Refuse = ScriptedCapacityModel.RefuseWrites(ThrottleLimit.AccountLimit, CapacityBillingMode.OnDemand, "AccountLimitExceeded");

        var ex = await Assert.ThrowsAsync<RequestLimitExceededException>(
            () => bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1") }));

        Assert.Equal("TableWriteAccountLimitExceeded", Assert.Single(ex.ThrottlingReasons).Reason);
    }
}
