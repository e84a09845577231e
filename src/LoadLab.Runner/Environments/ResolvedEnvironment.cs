using LoadLab.Core.Plans;

namespace LoadLab.Runner.Environments;

/// <summary>
/// Where a command goes: the environment with every <c>ssm:</c> reference replaced by its value and --region and
/// --endpoint applied over it (the one resolved shape; <see cref="EnvironmentPlan"/> is the one as written). Values
/// that came from a SecureString are usable but never shown: <see cref="Describe"/> and <see cref="ToString"/> mask them.
/// </summary>
internal sealed record ResolvedEnvironment
{
    public required string Name { get; init; }

    public required string TablePrefix { get; init; }

    public string? Profile { get; init; }

    /// <summary>--region, else the environment's region, else us-east-1.</summary>
    public required string Region { get; init; }

    /// <summary>--endpoint, else the environment's endpoint, else null (AWS, or the embedded target for local).</summary>
    public Uri? Endpoint { get; init; }

    public string? AccountId { get; init; }

    /// <summary>Names of the settings whose value came from a SecureString parameter.</summary>
    public IReadOnlySet<string> Secret { get; init; } = new HashSet<string>();

    /// <summary>What the command talks to: the endpoint, the embedded local target, or AWS.</summary>
    public TargetKind Kind => TargetKinds.For(Name, Endpoint);

    /// <summary>Requests go to an emulator on this machine with dummy credentials: no account to check.</summary>
    public bool IsLoopback => Endpoint?.IsLoopback == true;

    /// <summary>One line for the console; secrets masked, the account shown only when asked for and not secret.</summary>
    public string Describe(bool showAccount)
    {
        var parts = new List<string> { $"prefix {TablePrefix}" };
        if (Profile is not null) parts.Add($"profile {Profile}");
        parts.Add($"region {Shown("region", Region)}");
        if (Endpoint is not null) parts.Add($"endpoint {Shown("endpoint", Endpoint.ToString())}");
        if (AccountId is not null) parts.Add($"expected account {(showAccount ? Shown("account", AccountId) : Safety.AccountGuard.Mask(AccountId))}");
        return $"Environment {Name}: {string.Join(", ", parts)}";
    }

    public override string ToString() => Describe(showAccount: false);

    private string Shown(string setting, string value) => Secret.Contains(setting) ? "(secure)" : value;
}
