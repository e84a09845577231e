using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace LoadLab.Runner.Safety;

/// <summary>GetCallerIdentity with the same profile and region as the DynamoDB client; the credentials come from the SDK's default chain.</summary>
internal sealed class StsAccountIdentity(string? profile, string region) : IAccountIdentity
{
    public async Task<string> GetAccountIdAsync(CancellationToken cancellationToken)
    {
        var config = new AmazonSecurityTokenServiceConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (!string.IsNullOrWhiteSpace(profile))
            config.Profile = new Profile(profile);
        using var client = new AmazonSecurityTokenServiceClient(config);
        var response = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
        return response.Account;
    }
}
