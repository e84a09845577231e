using LoadLab.Core.Errors;
using LoadLab.Runner.Suites;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Environments;

/// <summary>Replaces the <c>ssm:/path</c> references of an environment's settings with the parameters' values.</summary>
internal static class EnvironmentResolver
{
    /// <exception cref="InvalidInputException">Exit 3: a parameter cannot be read; exit 2: its value is not usable.</exception>
    /// <param name="regionOverride">--region, which wins over the environment's; null when not given.</param>
    /// <param name="endpointOverride">--endpoint, which wins over the environment's; null when not given.</param>
    public static async Task<ResolvedEnvironment> ResolveAsync(EnvironmentPlan plan, IParameterSource parameters, CancellationToken cancellationToken, string? regionOverride = null, Uri? endpointOverride = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parameters);
        var secret = new HashSet<string>(StringComparer.Ordinal);
        string? region = await ValueAsync("region", plan.Region, parameters, secret, cancellationToken).ConfigureAwait(false);
        string? endpoint = await ValueAsync("endpoint", plan.Endpoint, parameters, secret, cancellationToken).ConfigureAwait(false);
        string? account = await ValueAsync("account", plan.AccountId, parameters, secret, cancellationToken).ConfigureAwait(false);

        Uri? endpointUri = null;
        if (endpoint is not null && (!Uri.TryCreate(endpoint, UriKind.Absolute, out endpointUri) || endpointUri.Scheme is not ("http" or "https")))
            throw Unusable(plan, "endpoint", endpoint, secret, "an http(s) URL");
        if (account is not null && (account.Length != 12 || !account.All(char.IsAsciiDigit)))
            throw Unusable(plan, "account", account, secret, "a 12-digit AWS account id");
        if (region is not null && !EnvironmentsBinder.IsRegion(region))
            throw Unusable(plan, "region", region, secret, "an AWS region such as eu-west-1");

        return new ResolvedEnvironment
        {
            Name = plan.Name,
            TablePrefix = plan.TablePrefix,
            Profile = plan.Profile,
            Region = regionOverride ?? region ?? EnvironmentSetup.DefaultRegion,
            Endpoint = endpointOverride ?? endpointUri,
            AccountId = account,
            Secret = secret,
        };
    }

    /// <summary>True when some setting still has to be read from SSM.</summary>
    public static bool HasReferences(EnvironmentPlan plan) =>
        new[] { plan.Region, plan.Endpoint, plan.AccountId }.Any(v => v is not null && EnvironmentsBinder.IsReference(v));

    private static async Task<string?> ValueAsync(string setting, string? configured, IParameterSource parameters, HashSet<string> secret, CancellationToken cancellationToken)
    {
        if (configured is null || !EnvironmentsBinder.IsReference(configured))
            return configured;
        string name = configured[EnvironmentsBinder.SsmScheme.Length..];
        try
        {
            var value = await parameters.GetAsync(name, cancellationToken).ConfigureAwait(false);
            if (value.Secure)
                secret.Add(setting);
            return value.Value.Trim();
        }
        catch (ParameterNotFoundException e)
        {
            throw new CannotRunException($"Cannot read the {setting} of the environment from SSM Parameter Store: {e.Message}. Check the parameter's name and that the credentials may call ssm:GetParameter (and kms:Decrypt for a SecureString).");
        }
    }

    private static InvalidInputException Unusable(EnvironmentPlan plan, string setting, string value, HashSet<string> secret, string expected)
    {
        string shown = secret.Contains(setting) ? "(a SecureString, not shown)" : $"'{value}'";
        return new InvalidInputException($"Environment {plan.Name}: the {setting} read from SSM is {shown}, not {expected}. Fix the parameter.");
    }
}
