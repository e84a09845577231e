namespace LoadLab.Core.Plans;

/// <summary>
/// Where a run goes, as written (environments.yaml beside the suite, the suite's own <c>environments:</c>, merged
/// value by value with <see cref="Over"/>): the one "as written" shape; the run resolves it once into the
/// "as resolved" one. Region, endpoint and account may still be <c>ssm:/path</c> references, read just before the
/// run, so a plan never holds a secret. Prefix and profile may not (they are needed before anything is read from AWS).
/// </summary>
public sealed record EnvironmentPlan
{
    /// <summary>local, dev, staging or prod.</summary>
    public required string Name { get; init; }

    /// <summary>The prefix as written, or null for the environment's default.</summary>
    public string? Prefix { get; init; }

    /// <summary>Every table the run touches carries this prefix (default <c>local_</c>, <c>dev_</c>, <c>stg_</c>, <c>prod_</c>).</summary>
    public string TablePrefix => Prefix ?? DefaultPrefix(Name);

    /// <summary>Named profile of the shared AWS config files, or null for the SDK's default credential chain.</summary>
    public string? Profile { get; init; }

    /// <summary>AWS region or an <c>ssm:/path</c> reference; null leaves it to --region (default us-east-1).</summary>
    public string? Region { get; init; }

    /// <summary>DynamoDB endpoint URL or an <c>ssm:/path</c> reference; null means AWS (or the embedded target for local).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The AWS account id the credentials must belong to, or an <c>ssm:/path</c> reference; null skips the check.</summary>
    public string? AccountId { get; init; }

    /// <summary>The default prefix of each environment (README, "Environments").</summary>
    public static string DefaultPrefix(string environment) => environment switch
    {
        EnvironmentNames.Local => "local_",
        EnvironmentNames.Dev => "dev_",
        EnvironmentNames.Staging => "stg_",
        EnvironmentNames.Prod => "prod_",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown environment."),
    };

    /// <summary>The settings of an environment nobody configured: its default prefix, nothing else.</summary>
    public static EnvironmentPlan Default(string environment) => new() { Name = environment };

    /// <summary>These settings, with the gaps filled from <paramref name="lower"/> (the shared file under the suite).</summary>
    public EnvironmentPlan Over(EnvironmentPlan? lower) => lower is null ? this : this with
    {
        Prefix = Prefix ?? lower.Prefix,
        Profile = Profile ?? lower.Profile,
        Region = Region ?? lower.Region,
        Endpoint = Endpoint ?? lower.Endpoint,
        AccountId = AccountId ?? lower.AccountId,
    };
}
