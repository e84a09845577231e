using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.IntegrationTests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace LoadLab.IntegrationTests.Capacity.Transactions;

/// <summary>
/// The AWS SDK for JavaScript v3 against the simulator's transactions and batches: it reads the
/// cancellation reasons, the committed transaction's cost, the TransactGetItems answer and the unprocessed
/// items of a batch larger than the table's capacity, as it would from DynamoDB.
/// </summary>
[Collection("local-target")]
public sealed class JavaScriptTransactionTests(LocalTargetFixture fixture)
{
    [Fact]
    public async Task The_JavaScript_SDK_reads_cancellation_reasons_commits_and_unprocessed_batch_items()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await new NodeRuntime().EnsureSupportedAsync(timeout.Token);
        string directory = await NodeClientInstaller.EnsureInstalledAsync(timeout.Token);
        // The real model, no burst, on a clock that does not move: the batch meets exactly 5 units.
        var model = new CapacityModel(new CapacitySettings { BurstSeconds = 0 }, new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero)));
        await using var bed = await ProxyTestBed.StartAsync(new CapacityProxyOptions { Upstream = fixture.Endpoint, ModelTickInterval = TimeSpan.Zero }, model);
        string table = await bed.CreateTableAsync(read: 100, write: 7); // the committed transaction takes 2 (a cancelled one nothing), the batch finds 5

        var run = await ChildProcess.RunAsync(
            NodeRuntime.DefaultExecutable, ["transactions-check.js", bed.Proxy.Endpoint.ToString(), table], directory, timeout.Token);

        Assert.True(run.ExitCode == 0, run.StandardError);
        var result = JsonDocument.Parse(run.StandardOutput.Trim().Split('\n').Last()).RootElement;
        var cancelled = result.GetProperty("cancelled");
        Assert.Equal("TransactionCanceledException", cancelled.GetProperty("name").GetString());
        Assert.Equal(["None", "ConditionalCheckFailed"], cancelled.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(2, result.GetProperty("committed").GetProperty("units").GetDouble());
        Assert.Equal([null, "7"], result.GetProperty("read").EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Null ? null : r.GetString()));
        Assert.Equal(20, result.GetProperty("unprocessed").GetInt32());
    }
}
