using LoadLab.Cli.CommandLine;
using LoadLab.Core.Results;
using LoadLab.DynamoDb.Client;
using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.Cli.Running;

/// <summary>
/// The DynamoDB endpoint a run talks to: the embedded local target (started here and stopped on
/// dispose, also on Ctrl+C and failure) or an endpoint given with --endpoint, or AWS.
/// </summary>
internal sealed class TargetSession : IAsyncDisposable
{
    private readonly LocalDynamoDb? local;

    private TargetSession(DynamoDbTargetOptions options, string kind, LocalDynamoDb? local)
    {
        Options = options;
        Kind = kind;
        this.local = local;
    }

    public DynamoDbTargetOptions Options { get; }

    /// <summary>local, endpoint or aws.</summary>
    public string Kind { get; }

    public static async Task<TargetSession> OpenAsync(string environment, Uri? endpoint, string region, Action<string> log, CancellationToken cancellationToken)
    {
        if (endpoint is not null)
        {
            // Emulators accept any credentials; a loopback endpoint gets static dummy ones so a
            // laptop without AWS configuration works. Anything else uses the SDK's default chain.
            bool loopback = endpoint.IsLoopback;
            return new TargetSession(new DynamoDbTargetOptions { Endpoint = endpoint, Region = region, UseLocalCredentials = loopback }, "endpoint", null);
        }

        if (environment != "local")
            return new TargetSession(new DynamoDbTargetOptions { Region = region }, "aws", null);

        var started = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { Log = log }, cancellationToken).ConfigureAwait(false);
        return new TargetSession(new DynamoDbTargetOptions { Endpoint = started.Endpoint, Region = region, UseLocalCredentials = true }, "local", started);
    }

    public TargetInfo Describe()
    {
        var sdk = SdkInfo.For(Options);
        return new TargetInfo(Kind, Options.Endpoint?.ToString(), Options.Region, sdk.DynamoDbVersion, sdk.CoreVersion, sdk.RetryMode, sdk.MaxAttempts);
    }

    public ValueTask DisposeAsync() => local?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>Fails fast, with exit code 3, when nothing answers at the endpoint.</summary>
    public static async Task CheckReachableAsync(Amazon.DynamoDBv2.IAmazonDynamoDB client, DynamoDbTargetOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await client.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest { Limit = 1 }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            string where = options.Endpoint?.ToString() ?? $"AWS ({options.Region})";
            throw new UserFacingException(ExitCodes.CannotRun, $"Cannot reach DynamoDB at {where}: {Describe(e)}. Check that the endpoint is running and reachable, or drop --endpoint to use the embedded local target.");
        }
    }

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null) inner = inner.InnerException;
        return inner == e ? e.Message : $"{e.Message} ({inner.Message})";
    }
}
