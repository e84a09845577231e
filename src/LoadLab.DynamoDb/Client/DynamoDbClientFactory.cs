using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace LoadLab.DynamoDb.Client;

/// <summary>Builds the one kind of SDK client LoadLab uses: every HTTP attempt observed, retries configured explicitly.</summary>
public static class DynamoDbClientFactory
{
    // Fixed so DynamoDB Local, which keeps data per access key and region, always sees the same "account".
    private const string LocalAccessKey = "loadlab-local";
    private const string LocalSecretKey = "loadlab-local";

    private static int sdkDefaultsApplied;

    /// <summary>
    /// Process-wide SDK settings, applied once before the first client. Collections initialised to empty lists
    /// mean <c>ThrottlingReasons</c>, <c>CancellationReasons</c> and friends are never null.
    /// </summary>
    public static void ApplySdkDefaults()
    {
        // The SDK documents this setting as not thread safe and meant for start-up, so it is written only once.
        if (Interlocked.Exchange(ref sdkDefaultsApplied, 1) == 0)
            AWSConfigs.InitializeCollections = true;
    }

    public static AmazonDynamoDBClient Create(DynamoDbTargetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ApplySdkDefaults();
        var config = CreateConfig(options);
        // An in-process handler (the embedded simulator, or a test's fake) answers instead of the network.
        if (options.InProcessHandler is { } handler)
            config.HttpClientFactory = new InProcessHttpClientFactory(handler);
        AWSCredentials? credentials = options.UseLocalCredentials
            ? new BasicAWSCredentials(LocalAccessKey, LocalSecretKey)
            : null;
        return new ObservedDynamoDbClient(credentials, config);
    }

    internal static AmazonDynamoDBConfig CreateConfig(DynamoDbTargetOptions options)
    {
        if (options.MaxAttempts < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxAttempts, "MaxAttempts must be at least 1 (1 means no retries).");
        if (options.Timeout <= TimeSpan.Zero && options.Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "Timeout must be positive.");
        if (options.MaxConnections is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConnections, "MaxConnections must be at least 1 (null means no limit).");
        if (options.ConnectTimeout is { } connect && connect <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(options), connect, "ConnectTimeout must be positive.");
        if (string.IsNullOrWhiteSpace(options.Region))
            throw new ArgumentException("Region must not be empty.", nameof(options));

        var config = new AmazonDynamoDBConfig
        {
            RetryMode = options.RetryMode,
            MaxErrorRetry = options.MaxAttempts - 1,
            // The SDK's "stale connection" retries (10 by default) come on top of MaxErrorRetry. They fire on any failure
            // whose chain holds "the response ended prematurely", which includes a timeout whose cancellation saw the
            // socket's shutdown before its close: a race that load decides. MaxAttempts must be the only budget.
            MaxStaleConnectionRetries = 0,
            Timeout = options.Timeout,
            MaxConnectionsPerServer = options.MaxConnections,
        };
        if (options.ConnectTimeout is { } connectTimeout)
            config.ConnectTimeout = connectTimeout;
        if (options.Endpoint is { } endpoint)
        {
            // ServiceURL replaces the regional endpoint; the region still has to be named for SigV4 signing.
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (!options.UseLocalCredentials && !string.IsNullOrWhiteSpace(options.Profile))
            config.Profile = new Profile(options.Profile);
        return config;
    }
}
