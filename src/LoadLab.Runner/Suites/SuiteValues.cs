using LoadLab.Core.Keys;
using LoadLab.DynamoDb.Data;
using LoadLab.Core.Plans;
namespace LoadLab.Runner.Suites;

/// <summary>
/// The values and limits a suite may use, stated once. Adding a data model, an operation or a key
/// distribution starts here; <c>scenarios/suite.schema.json</c> takes these lists through SuiteSchemaModel (regenerate it).
/// </summary>
public static class SuiteValues
{
    public const string DefaultEnvironment = EnvironmentNames.Local;
    public const long DefaultSeed = 42;
    public const long MaxItems = 100_000_000;
    public const double MaxRate = 1_000_000;
    public const int MaxWorkers = 100_000;

    /// <summary>
    /// Longest duration a suite may state. Generous for soak tests, and it keeps sums of phases and
    /// scaled durations far from <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(365);

    /// <summary>Shortest budget window: one statistics interval (<see cref="Core.Plans.RunPlan.Interval"/>), which suites do not change.</summary>
    public static readonly TimeSpan MinBudgetWindow = TimeSpan.FromSeconds(1);

    /// <summary>DynamoDB table names are 3 to 255 characters, prefix included.</summary>
    public const int MinTableNameLength = 3;
    public const int MaxTableNameLength = 255;

    /// <summary>DynamoDB key attribute names are at most 255 bytes of UTF-8.</summary>
    public const int MaxAttributeNameBytes = 255;

    public static IReadOnlyList<string> Environments => EnvironmentNames.All;

    public static IReadOnlyList<string> CapacityModes { get; } = ["on-demand", "provisioned"];

    public static IReadOnlyList<string> KeyTypes { get; } = ["S", "N", "B"];

    /// <summary>Built-in data models (the one list: <see cref="DataModels.Names"/>).</summary>
    public static IReadOnlyList<string> Models => DataModels.Names;

    /// <summary>Bogus locales a data set may use (the one list: <see cref="DataModels.Locales"/>).</summary>
    public static IReadOnlyList<string> Locales => DataModels.Locales;

    public static IReadOnlyList<string> IndexTypes { get; } = ["global", "local"];

    /// <summary>Projections written as a word; a list of attribute names means INCLUDE those.</summary>
    public static IReadOnlyList<string> Projections { get; } = ["ALL", "KEYS_ONLY"];

    public static IReadOnlyList<string> SizeDistributions { get; } = ["uniform", "normal"];

    /// <summary>DynamoDB's limits: 20 global and 5 local indexes per table, 100 projected attributes over all indexes.</summary>
    public const int MaxGlobalIndexes = 20;
    public const int MaxLocalIndexes = 5;
    public const int MaxProjectedAttributes = 100;

    /// <summary>The operations a mix may use (the one list: <see cref="OperationKinds.Names"/>).</summary>
    public static IReadOnlyList<string> Operations => OperationKinds.Names;

    /// <summary>Key distributions (the one list: <see cref="KeyDistributions.Kinds"/>).</summary>
    public static IReadOnlyList<string> Distributions => KeyDistributions.Kinds;

    /// <summary>Which pages a query or scan reads.</summary>
    public static IReadOnlyList<string> PageModes { get; } = ["all", "first"];

    /// <summary>Zipfian and latest exponent: above 0; beyond 10 every operation goes to the top item anyway.</summary>
    public const double MaxTheta = 10;

    /// <summary>Parallel scan segments per scan operation (DynamoDB allows more; each is a request in flight).</summary>
    public const int MaxScanSegments = 1000;

    /// <summary>Largest Limit a query or scan may ask for; DynamoDB stops at 1 MB per page long before.</summary>
    public const int MaxLimit = 1_000_000;

    /// <summary>Items per request: BatchGetItem takes 100 keys, BatchWriteItem 25 writes, transactions 100 actions.</summary>
    public static int MaxBatchSize(string operation) => OperationKinds.MaxBatchSize(OperationKinds.Parse(operation));

    public static IReadOnlyList<string> WhenFull { get; } = ["queue", "drop"];

    /// <summary>
    /// Physical table names carry the environment's prefix so LoadLab can refuse to touch anything
    /// outside its own environment (README, "Safety guards"); environments.yaml may change it.
    /// </summary>
    public static string TablePrefix(string environment) => Core.Plans.EnvironmentPlan.DefaultPrefix(environment);
}
