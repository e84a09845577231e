using Amazon.DynamoDBv2.Model;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.LocalTarget;

/// <summary>The contract other integration tests rely on: [Collection("local-target")] and fixture.Endpoint.</summary>
[Collection("local-target")]
public sealed class LocalTargetFixtureTests(LocalTargetFixture fixture)
{
    [Fact]
    public async Task Shared_endpoint_answers_the_sdk()
    {
        using var client = LocalDynamoDbLauncherTests.Client(fixture.Endpoint);

        var tables = await client.ListTablesAsync(new ListTablesRequest());

        Assert.Equal(System.Net.HttpStatusCode.OK, tables.HttpStatusCode);
    }
}
