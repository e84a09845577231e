namespace LoadLab.Runner.Environments;

/// <summary>
/// An environment with every <c>ssm:</c> reference replaced by its value. Values that came from a SecureString are
/// usable but never shown: <see cref="Describe"/> and <see cref="ToString"/> mask them.
/// </summary>
internal sealed record ResolvedEnvironment
{
    public required string Name { get; init; }

    public required string TablePrefix { get; init; }

    public string? Profile { get; init; }

    public string? Region { get; init; }

    public Uri? Endpoint { get; init; }

    public string? AccountId { get; init; }

    /// <summary>Names of the settings whose value came from a SecureString parameter.</summary>
    public IReadOnlySet<string> Secret { get; init; } = new HashSet<string>();

    /// <summary>One line for the console; secrets masked, the account shown only when asked for and not secret.</summary>
    public string Describe(bool showAccount)
    {
        var parts = new List<string> { $"prefix {TablePrefix}" };
        if (Profile is not null) parts.Add($"profile {Profile}");
        if (Region is not null) parts.Add($"region {Shown("region", Region)}");
        if (Endpoint is not null) parts.Add($"endpoint {Shown("endpoint", Endpoint.ToString())}");
        if (AccountId is not null) parts.Add($"expected account {(showAccount ? Shown("account", AccountId) : Safety.AccountGuard.Mask(AccountId))}");
        return $"Environment {Name}: {string.Join(", ", parts)}";
    }

    public override string ToString() => Describe(showAccount: false);

    private string Shown(string setting, string value) => Secret.Contains(setting) ? "(secure)" : value;
}
