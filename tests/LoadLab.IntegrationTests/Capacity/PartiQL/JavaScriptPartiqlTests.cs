using System.Text.Json;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity.PartiQL;

/// <summary>
/// The AWS SDK for JavaScript v3 against the simulator's PartiQL: DuplicateItemException, a SELECT's items and
/// cost, per-statement batch errors and a cancelled ExecuteTransaction's reasons, as it would read them from DynamoDB.
/// </summary>
[Collection("local-target")]
public sealed class JavaScriptPartiqlTests(LocalTargetFixture fixture)
{
    [Fact]
    public async Task The_JavaScript_SDK_reads_statement_answers_batch_errors_and_cancellation_reasons()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await new NodeRuntime().EnsureSupportedAsync(timeout.Token);
        string directory = await NodeClientInstaller.EnsureInstalledAsync(timeout.Token);
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();

        var run = await ChildProcess.RunAsync(NodeRuntime.DefaultExecutable, ["partiql-check.js", bed.Proxy.Endpoint.ToString(), table], directory, timeout.Token);

        Assert.True(run.ExitCode == 0, run.StandardError);
        var result = JsonDocument.Parse(run.StandardOutput.Trim().Split('\n').Last()).RootElement;
        Assert.Equal("DuplicateItemException", result.GetProperty("duplicate").GetProperty("name").GetString());
        Assert.Equal("7", result.GetProperty("read").GetProperty("n").GetString());
        Assert.Equal(0.5, result.GetProperty("read").GetProperty("units").GetDouble());
        Assert.Equal(["ok", "DuplicateItem"], result.GetProperty("batch").EnumerateArray().Select(c => c.GetString()));
        var cancelled = result.GetProperty("transaction");
        Assert.Equal("TransactionCanceledException", cancelled.GetProperty("name").GetString());
        Assert.Equal(["None", "ConditionalCheckFailed"], cancelled.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
    }
}
