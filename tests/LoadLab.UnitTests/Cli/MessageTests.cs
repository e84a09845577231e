using Amazon.DynamoDBv2;
using LoadLab.Core.Errors;
using LoadLab.Core.Merging;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.Reports.Samples;
using LoadLab.Runner.Suites;
using LoadLab.Runner.Target;
using LoadLab.UnitTests.Cli.Support;

namespace LoadLab.UnitTests.Cli;

/// <summary>Messages that used to mislead (issue 17): each says what is actually wrong.</summary>
public sealed class MessageTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-messages-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_folder_given_as_the_suite_is_called_a_folder()
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("plan", folder);
        var loader = Assert.Throws<SuiteLoadException>(() => SuiteLoader.Load(folder, new SuiteLoadOptions { RunId = "t" }));

        Assert.Equal(2, exit);
        Assert.Contains($"loadlab plan: suite file '{folder}' is a folder, not a file", output, StringComparison.Ordinal);
        Assert.Contains("is a folder, not a suite file", loader.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", output + loader.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_missing_suite_does_not_exist_and_has_no_position()
    {
        string missing = Path.Combine(folder, "nosuch.yaml");

        var (exit, output) = await InProcessCli.RunCleanAsync("run", missing);
        var loader = Assert.Throws<SuiteLoadException>(() => SuiteLoader.Load(missing, new SuiteLoadOptions { RunId = "t" }));

        Assert.Equal(2, exit);
        Assert.Contains($"loadlab run: suite file not found: '{missing}' does not exist", output, StringComparison.Ordinal);
        Assert.Contains("does not exist", loader.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(":0:0", output + loader.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_a_run_that_is_no_shard_says_so_instead_of_an_empty_count()
    {
        var shard = SampleRun.Create();
        shard = shard with { Run = shard.Run with { Shard = new ShardInfo("g", 0, 2) } };
        var single = SampleRun.Create();

        var e = Assert.Throws<ShardMergeException>(() => RunResultMerger.Merge([("a.json", shard), ("b.json", single)]));

        Assert.Contains("b.json is not a shard (run without --shard), a.json is one of 2 shards", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("one of  shards", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_aws_without_an_endpoint_does_not_suggest_dropping_one()
    {
        using var client = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = new Uri("http://fake.invalid"), UseLocalCredentials = true, MaxAttempts = 1, InProcessHandler = new Refusing() });

        var aws = await Assert.ThrowsAsync<CannotRunException>(() => TargetSession.CheckReachableAsync(client, new DynamoDbTargetOptions { Region = "eu-west-1" }, CancellationToken.None));
        var endpoint = await Assert.ThrowsAsync<CannotRunException>(() => TargetSession.CheckReachableAsync(client, new DynamoDbTargetOptions { Endpoint = new Uri("http://127.0.0.1:9") }, CancellationToken.None));

        Assert.Contains("Cannot reach DynamoDB at AWS (eu-west-1)", aws.Message, StringComparison.Ordinal);
        Assert.Contains("Check the AWS credentials", aws.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--endpoint", aws.Message, StringComparison.Ordinal);
        Assert.Contains("or drop --endpoint", endpoint.Message, StringComparison.Ordinal);
    }

    /// <summary>The SDK's view of a target that is not there.</summary>
    private sealed class Refusing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused");
    }
}
