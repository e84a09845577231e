using Amazon.Runtime;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.Client;

/// <summary>Where and how the SDK client talks to DynamoDB. Plain data; <see cref="DynamoDbClientFactory"/> turns it into a client.</summary>
public sealed record DynamoDbTargetOptions
{
    /// <summary>Default for <see cref="MaxAttempts"/>: <see cref="SdkPlan.DefaultMaxAttempts"/>, one value for real and simulated runs.</summary>
    public const int DefaultMaxAttempts = SdkPlan.DefaultMaxAttempts;

    /// <summary>Service endpoint such as a local emulator or the capacity simulator; null means the AWS endpoint of <see cref="Region"/>.</summary>
    public Uri? Endpoint { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Named profile from the shared AWS config files; null means the SDK's default credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>Use fixed dummy credentials: local emulators accept any, and no real credential is needed or exposed.</summary>
    public bool UseLocalCredentials { get; init; }

    public RequestRetryMode RetryMode { get; init; } = RequestRetryMode.Standard;

    /// <summary>
    /// HTTP attempts per logical call, the first included. Always set explicitly on the client: the DynamoDB
    /// client's own default (4) and AWS_MAX_ATTEMPTS would otherwise make runs differ between machines.
    /// </summary>
    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    /// <summary>Time one HTTP attempt may take before it counts as a timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Connections to the endpoint at most (the SDK's MaxConnectionsPerServer); null: no limit, the SDK's default, so the
    /// pool never caps a high-rate run (each call in flight holds one HTTP/1.1 connection).
    /// </summary>
    public int? MaxConnections { get; init; }

    /// <summary>How long opening a connection may take; null: the SDK's default (only <see cref="Timeout"/> bounds it).</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>
    /// A handler in this process that answers instead of the network (the embedded capacity simulator);
    /// <see cref="Endpoint"/> still names the target for signing and reports. Null sends requests over HTTP.
    /// </summary>
    public HttpMessageHandler? InProcessHandler { get; init; }
}
