namespace LoadLab.Runner.Suites;

/// <summary>
/// One environment's settings as written in environments.yaml or a suite's <c>environments:</c>; every field is
/// optional so the suite can override single values of the shared file. Region, endpoint and account may be
/// <c>ssm:/path</c> references; prefix and profile may not (they are needed before anything is read from AWS).
/// </summary>
public sealed record EnvironmentSettings
{
    public string? Prefix { get; init; }

    public string? Profile { get; init; }

    public string? Region { get; init; }

    public string? Endpoint { get; init; }

    public string? Account { get; init; }

    /// <summary>These settings, with the gaps filled from <paramref name="lower"/> (the shared file under the suite).</summary>
    public EnvironmentSettings Over(EnvironmentSettings? lower) => lower is null ? this : new()
    {
        Prefix = Prefix ?? lower.Prefix,
        Profile = Profile ?? lower.Profile,
        Region = Region ?? lower.Region,
        Endpoint = Endpoint ?? lower.Endpoint,
        Account = Account ?? lower.Account,
    };

    /// <summary>The plan's form, the environment's default prefix filling a gap.</summary>
    public Core.Plans.EnvironmentPlan ToPlan(string environment) => new()
    {
        Name = environment,
        TablePrefix = Prefix ?? SuiteValues.TablePrefix(environment),
        Profile = Profile,
        Region = Region,
        Endpoint = Endpoint,
        AccountId = Account,
    };
}
