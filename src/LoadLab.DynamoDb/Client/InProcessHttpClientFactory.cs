using Amazon.Runtime;

namespace LoadLab.DynamoDb.Client;

/// <summary>
/// Gives the SDK HTTP clients over one shared in-process handler. The handler outlives every client (its
/// owner disposes it), and each client keeps the attempt timeout the SDK was configured with.
/// </summary>
internal sealed class InProcessHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(handler, disposeHandler: false) { Timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100) };

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
