using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>
/// A second, independent client: the AWS SDK for JavaScript v3 must also recognise the proxy's throttles as
/// throttling (and retry them), or the simulator would only be faithful for one SDK.
/// </summary>
[Collection("local-target")]
public sealed class JavaScriptClientTests(LocalTargetFixture fixture)
{
    [Theory]
    [InlineData(false, "ProvisionedThroughputExceededException", "TableWriteProvisionedThroughputExceeded")]
    [InlineData(true, "ThrottlingException", "TableWriteKeyRangeThroughputExceeded")]
    public async Task The_JavaScript_SDK_classifies_the_throttle_as_throttling_and_retries_it(bool onDemand, string exception, string reason)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await new NodeRuntime().EnsureSupportedAsync(timeout.Token);
        string directory = await NodeClientInstaller.EnsureInstalledAsync(timeout.Token);
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync(onDemand: onDemand);
        bed.Model.Refuse = onDemand
            ? ScriptedCapacityModel.RefuseWrites(ThrottleLimit.KeyRange, CapacityBillingMode.OnDemand, "KeyRangeThroughputExceeded")
            : ScriptedCapacityModel.RefuseWrites(ThrottleLimit.Provisioned, CapacityBillingMode.Provisioned, "ProvisionedThroughputExceeded");

        var run = await ChildProcess.RunAsync(
            NodeRuntime.DefaultExecutable, ["throttle-check.js", bed.Proxy.Endpoint.ToString(), table, "2"], directory, timeout.Token);

        Assert.True(run.ExitCode == 0, run.StandardError);
        var result = JsonDocument.Parse(run.StandardOutput.Trim().Split('\n').Last()).RootElement;
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(exception, result.GetProperty("name").GetString());
        bool classified = result.GetProperty("classifiedThrottling") is { ValueKind: JsonValueKind.True }
            || result.GetProperty("retryableThrottling").GetBoolean();
        Assert.True(classified, run.StandardOutput);
        Assert.Equal(400, result.GetProperty("httpStatusCode").GetInt32());
        Assert.Equal(2, result.GetProperty("attempts").GetInt32());
        var call = Assert.Single(bed.Proxy.RequestStatistics.RecentCalls, c => c.Operation == "PutItem");
        Assert.Equal(2, call.Attempts);
        Assert.Equal(2, call.ThrottledAttempts);
        if (result.GetProperty("reasons") is { ValueKind: JsonValueKind.Array } reasons)
            Assert.Equal(reason, reasons[0].GetProperty("reason").GetString());
    }
}
