using Amazon;
using Amazon.Runtime;
using LoadLab.DynamoDb.Client;

namespace LoadLab.UnitTests.DynamoDb;

public sealed class DynamoDbClientFactoryTests
{
    [Fact]
    public void Endpoint_sets_service_url_and_signing_region_and_attempts_are_explicit()
    {
        var config = DynamoDbClientFactory.CreateConfig(new DynamoDbTargetOptions
        {
            Endpoint = new Uri("http://127.0.0.1:8000"),
            Region = "eu-west-1",
            MaxAttempts = 5,
            RetryMode = RequestRetryMode.Adaptive,
            Timeout = TimeSpan.FromSeconds(2),
        });

        Assert.Equal("http://127.0.0.1:8000/", config.ServiceURL);
        Assert.Equal("eu-west-1", config.AuthenticationRegion);
        Assert.Equal(4, config.MaxErrorRetry);
        Assert.Equal(RequestRetryMode.Adaptive, config.RetryMode);
        Assert.Equal(TimeSpan.FromSeconds(2), config.Timeout);
        // The SDK's stale-connection retries would come on top of MaxAttempts.
        Assert.Equal(0, config.MaxStaleConnectionRetries);
    }

    [Fact]
    public void Connection_pool_and_connect_timeout_are_set_only_when_given()
    {
        var set = DynamoDbClientFactory.CreateConfig(new DynamoDbTargetOptions { MaxConnections = 64, ConnectTimeout = TimeSpan.FromSeconds(3) });
        var unset = DynamoDbClientFactory.CreateConfig(new DynamoDbTargetOptions());

        Assert.Equal(64, set.MaxConnectionsPerServer);
        Assert.Equal(TimeSpan.FromSeconds(3), set.ConnectTimeout);
        // No limit by default: the pool never caps a high-rate run.
        Assert.Null(unset.MaxConnectionsPerServer);
        Assert.Throws<ArgumentOutOfRangeException>(() => DynamoDbClientFactory.CreateConfig(new DynamoDbTargetOptions { MaxConnections = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DynamoDbClientFactory.CreateConfig(new DynamoDbTargetOptions { ConnectTimeout = TimeSpan.Zero }));
    }

    [Fact]
    public void Without_endpoint_the_region_endpoint_and_profile_are_used()
    {
        var config = DynamoDbClientFactory.CreateConfig(new DynamoDbTargetOptions { Region = "eu-central-1", Profile = "staging" });

        Assert.Equal(RegionEndpoint.EUCentral1, config.RegionEndpoint);
        Assert.Null(config.ServiceURL);
        Assert.Equal("staging", config.Profile?.Name);
        Assert.Equal(DynamoDbTargetOptions.DefaultMaxAttempts - 1, config.MaxErrorRetry);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DynamoDbClientFactory.CreateConfig(new DynamoDbTargetOptions { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DynamoDbClientFactory.CreateConfig(new DynamoDbTargetOptions { Timeout = TimeSpan.Zero }));
    }

    [Fact]
    public void Created_clients_initialise_collections_so_throttling_reasons_are_never_null()
    {
        using var client = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = new Uri("http://127.0.0.1:1"), UseLocalCredentials = true });

        Assert.True(AWSConfigs.InitializeCollections);
        Assert.NotNull(new Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException("x").ThrottlingReasons);
    }

    [Fact]
    public void SdkInfo_names_the_package_versions_and_retry_settings()
    {
        var info = SdkInfo.For(new DynamoDbTargetOptions { MaxAttempts = 4 });

        Assert.Equal("4.1.0", info.CoreVersion);
        Assert.Equal("4.1.0", info.DynamoDbVersion);
        Assert.Equal("standard", info.RetryMode);
        Assert.Equal(4, info.MaxAttempts);
    }
}
