namespace LoadLab.Core.Plans;

/// <summary>
/// Where a run goes, as configured (environments.yaml beside the suite, the suite's own <c>environments:</c>).
/// Region, endpoint and account may still be <c>ssm:/path</c> references; the CLI resolves them just before
/// the run, so a plan never holds a secret.
/// </summary>
public sealed record EnvironmentPlan
{
    /// <summary>local, dev, staging or prod.</summary>
    public required string Name { get; init; }

    /// <summary>Every table the run touches carries this prefix (default <c>local_</c>, <c>dev_</c>, <c>stg_</c>, <c>prod_</c>).</summary>
    public required string TablePrefix { get; init; }

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
    public static EnvironmentPlan Default(string environment) => new() { Name = environment, TablePrefix = DefaultPrefix(environment) };
}
