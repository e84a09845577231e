namespace LoadLab.Cli.Suites;

/// <summary>
/// The values and limits a suite may use, stated once. Adding a data model, an operation or a key
/// distribution starts here (and in <c>scenarios/suite.schema.json</c>; a test compares the two).
/// </summary>
public static class SuiteValues
{
    public const string DefaultEnvironment = "local";
    public const long DefaultSeed = 42;
    public const long MaxItems = 100_000_000;
    public const double MaxRate = 1_000_000;
    public const int MaxWorkers = 100_000;

    /// <summary>
    /// Longest duration a suite may state. Generous for soak tests, and it keeps sums of phases and
    /// scaled durations far from <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    /// <summary>DynamoDB table names are 3 to 255 characters, prefix included.</summary>
    public const int MinTableNameLength = 3;
    public const int MaxTableNameLength = 255;

    /// <summary>DynamoDB key attribute names are at most 255 bytes of UTF-8.</summary>
    public const int MaxAttributeNameBytes = 255;

    public static IReadOnlyList<string> Environments { get; } = ["local", "dev", "staging", "prod"];

    public static IReadOnlyList<string> CapacityModes { get; } = ["on-demand", "provisioned"];

    public static IReadOnlyList<string> KeyTypes { get; } = ["S", "N", "B"];

    public static IReadOnlyList<string> Models { get; } = ["customer"];

    public static IReadOnlyList<string> Operations { get; } = ["get", "put"];

    public static IReadOnlyList<string> Distributions { get; } = ["uniform"];

    public static IReadOnlyList<string> WhenFull { get; } = ["queue", "drop"];

    /// <summary>
    /// Physical table names carry the environment's prefix so LoadLab can refuse to touch anything
    /// outside its own environment (see DESIGN.md, "Environments and safety").
    /// </summary>
    public static string TablePrefix(string environment) => environment switch
    {
        "local" => "local_",
        "dev" => "dev_",
        "staging" => "stg_",
        "prod" => "prod_",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown environment."),
    };
}
