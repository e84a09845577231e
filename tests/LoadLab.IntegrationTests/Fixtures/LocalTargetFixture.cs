using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.Fixtures;

/// <summary>
/// One local DynamoDB (dynalite) shared by every test in the "local-target" collection, started
/// through the real launcher. Set <see cref="EndpointVariable"/> to test against an endpoint that
/// is already running (DynamoDB Local, a simulator) instead.
/// </summary>
public sealed class LocalTargetFixture : IAsyncLifetime
{
    public const string EndpointVariable = "LOADLAB_TEST_ENDPOINT";

    private LocalDynamoDb? local;
    private Uri? endpoint;

    /// <summary>The endpoint to give the AWS SDK as ServiceURL.</summary>
    public Uri Endpoint => endpoint ?? throw new InvalidOperationException("The local target fixture has not been initialized.");

    public async Task InitializeAsync()
    {
        string? configured = Environment.GetEnvironmentVariable(EndpointVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            endpoint = new Uri(configured, UriKind.Absolute);
            return;
        }
        // A first run includes npm ci; give a cold CI runner room.
        local = await LocalDynamoDbLauncher.StartAsync(new LocalTargetOptions { StartTimeout = TimeSpan.FromMinutes(3) });
        endpoint = local.Endpoint;
    }

    public async Task DisposeAsync()
    {
        if (local is not null)
            await local.DisposeAsync();
    }
}

/// <summary>Tests marked <c>[Collection("local-target")]</c> receive <see cref="LocalTargetFixture"/>.</summary>
[CollectionDefinition("local-target")]
public sealed class LocalTargetCollection : ICollectionFixture<LocalTargetFixture>
{
}
