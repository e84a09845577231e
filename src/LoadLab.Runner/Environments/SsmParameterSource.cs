using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace LoadLab.Runner.Environments;

/// <summary>SSM GetParameter with decryption, credentials from the environment's profile or the SDK's default chain.</summary>
internal sealed class SsmParameterSource(string? profile, string region) : IParameterSource, IDisposable
{
    private readonly Lazy<AmazonSimpleSystemsManagementClient> client = new(() =>
    {
        var config = new AmazonSimpleSystemsManagementConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (!string.IsNullOrWhiteSpace(profile))
            config.Profile = new Profile(profile);
        return new AmazonSimpleSystemsManagementClient(config);
    });

    public async Task<ParameterValue> GetAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.Value.GetParameterAsync(new GetParameterRequest { Name = name, WithDecryption = true }, cancellationToken).ConfigureAwait(false);
            return new ParameterValue(response.Parameter.Value, response.Parameter.Type == ParameterType.SecureString);
        }
        catch (Amazon.SimpleSystemsManagement.Model.ParameterNotFoundException)
        {
            throw new ParameterNotFoundException(name, $"not found in {region}");
        }
        catch (AmazonServiceException e)
        {
            throw new ParameterNotFoundException(name, $"{e.ErrorCode}: {e.Message}");
        }
        catch (AmazonClientException e)
        {
            throw new ParameterNotFoundException(name, e.Message);
        }
    }

    public void Dispose()
    {
        if (client.IsValueCreated) client.Value.Dispose();
    }
}
