using LoadLab.Capacity.Model.Settings;

namespace LoadLab.Runner.Suites;

/// <summary>
/// The keys a suite may use, one list per place. The binders accept exactly these. A new key also needs its
/// type and description in <c>Schema/SuiteSchemaModel*.cs</c> (generation fails without), from which
/// <c>scenarios/suite.schema.json</c> is generated, so editor completion never drifts from the loader.
/// </summary>
public static class SuiteKeys
{
    public static IReadOnlyList<string> Root { get; } = ["name", "description", "environment", "environments", "seed", "tables", "data", "scenarios", "budgets", "failOn", "sdk", "tracing", "metrics", "variants", "simulator"];

    /// <summary>Keys of the suite's <c>sdk:</c> section: the AWS SDK client's retries and attempt timeout.</summary>
    public static IReadOnlyList<string> Sdk { get; } = ["retryMode", "maxAttempts", "timeout", "maxConnections", "connectTimeout", "clientWarmup"];

    /// <summary>Keys of the suite's <c>failOn:</c> section: what fails a run besides its budgets.</summary>
    public static IReadOnlyList<string> FailOn { get; } = ["errorRate", "unreachableFor", "seedingStalledFor"];

    /// <summary>Keys of one entry of <c>variants:</c>; <c>capacity</c> alone is shorthand for a suite with one table.</summary>
    public static IReadOnlyList<string> Variant { get; } = ["name", "description", "capacity", "tables", "data"];

    /// <summary>What a variant may change in a table: <c>variants: [ { tables: { ID: { … } } } ]</c>.</summary>
    public static IReadOnlyList<string> VariantTable { get; } = ["capacity", "warm", "key", "indexes"];

    /// <summary>What a variant may change in a data set: its key templates only, so every variant seeds the same items.</summary>
    public static IReadOnlyList<string> VariantData { get; } = ["pk", "sk", "templates"];

    /// <summary>Keys of one environment under <c>environments:</c> (suite or environments.yaml).</summary>
    public static IReadOnlyList<string> Environment { get; } = ["prefix", "profile", "region", "endpoint", "account"];

    public static IReadOnlyList<string> Table { get; } = ["name", "key", "capacity", "indexes", "warm", "keep"];

    /// <summary>Keys of one secondary index under a table's <c>indexes:</c>.</summary>
    public static IReadOnlyList<string> Index { get; } = ["type", "pk", "sk", "projection", "capacity"];

    /// <summary>Keys of an index key written out as <c>{ name: total, type: N }</c>.</summary>
    public static IReadOnlyList<string> IndexKey { get; } = ["name", "type"];

    /// <summary>Keys of a global index's own capacity: units for provisioned tables, maximums for on-demand ones.</summary>
    public static IReadOnlyList<string> IndexCapacity { get; } = ["read", "write", "maxRead", "maxWrite", "autoScaling"];

    /// <summary>Keys of a table's <c>warm:</c> throughput.</summary>
    public static IReadOnlyList<string> Warm { get; } = ["read", "write"];

    public static IReadOnlyList<string> Capacity { get; } = ["mode", "read", "write", "maxRead", "maxWrite", "autoScaling"];

    /// <summary>Keys of <c>capacity.autoScaling</c>: one policy for both dimensions, or <c>read:</c>/<c>write:</c> policies.</summary>
    public static IReadOnlyList<string> AutoScaling { get; } = ["target", "min", "max", "read", "write"];

    /// <summary>Keys of one auto scaling policy (target tracking).</summary>
    public static IReadOnlyList<string> AutoScalingPolicy { get; } = ["target", "min", "max"];

    /// <summary>Keys of the suite's <c>simulator:</c> section (capacity simulator of local runs).</summary>
    public static IReadOnlyList<string> Simulator { get; } = ["preset", "overrides", "faults"];

    /// <summary>Keys of <c>simulator.faults</c>: the faults the simulator can inject.</summary>
    public static IReadOnlyList<string> SimulatorFaults => LoadLab.Capacity.Proxy.Faults.FaultKinds.Names;

    /// <summary>Keys of one failure under <c>simulator.faults</c> written as a mapping (a rate alone is its shorthand).</summary>
    public static IReadOnlyList<string> Fault => LoadLab.Capacity.Proxy.Faults.FaultSettings.FailureFields;

    /// <summary>Keys of <c>simulator.faults.latency</c>: its rate and window, and the delay's median and 99th percentile.</summary>
    public static IReadOnlyList<string> LatencyFault => LoadLab.Capacity.Proxy.Faults.FaultSettings.Fields;

    /// <summary>Keys of <c>simulator.overrides</c>: every parameter of the capacity model.</summary>
    public static IReadOnlyList<string> SimulatorOverrides => SettingParameters.Names;

    public static IReadOnlyList<string> DataSet { get; } = ["model", "items", "seed", "locale", "pk", "sk", "templates", "size"];

    /// <summary>Keys of a model declared in the suite: <c>model: { fields: { … } }</c>.</summary>
    public static IReadOnlyList<string> CustomModel { get; } = ["fields"];

    /// <summary>Keys of a data set's <c>size:</c>: a target, or min and max with a distribution.</summary>
    public static IReadOnlyList<string> ItemSize { get; } = ["target", "min", "max", "distribution", "attribute"];

    public static IReadOnlyList<string> Scenario { get; } =
        ["name", "table", "mix", "keys", "maxInFlight", "whenFull", "warmup", "thinkTime", "load"];

    /// <summary>Keys of <c>keys:</c>; which parameters a distribution takes is <see cref="DistributionParameters"/>.</summary>
    public static IReadOnlyList<string> KeyDistribution { get; } =
        ["distribution", "theta", "scrambled", "hotSetFraction", "hotOperationFraction", "hotKeyIndex"];

    /// <summary>The parameters each key distribution takes, besides <c>distribution</c>.</summary>
    public static IReadOnlyList<string> DistributionParameters(string distribution) => distribution switch
    {
        "zipfian" => ["theta", "scrambled"],
        "hotspot" => ["hotSetFraction", "hotOperationFraction"],
        "hotkey" => ["hotKeyIndex", "hotOperationFraction"],
        "latest" => ["theta"],
        _ => [],
    };

    // Options of each operation in its mapping form, e.g. get: { weight: 60, consistent: true }.
    public static IReadOnlyList<string> GetOptions { get; } = ["weight", "consistent", "projection"];

    public static IReadOnlyList<string> PutOptions { get; } = ["weight", "new", "condition", "values"];

    public static IReadOnlyList<string> UpdateOptions { get; } = ["weight", "add", "set", "condition", "values"];

    public static IReadOnlyList<string> DeleteOptions { get; } = ["weight", "condition", "values"];

    public static IReadOnlyList<string> QueryOptions { get; } =
        ["weight", "index", "sk", "limit", "pages", "filter", "values", "consistent", "projection"];

    public static IReadOnlyList<string> ScanOptions { get; } =
        ["weight", "index", "segments", "limit", "pages", "filter", "values", "consistent", "projection"];

    public static IReadOnlyList<string> BatchGetOptions { get; } = ["weight", "batchSize", "consistent", "projection"];

    public static IReadOnlyList<string> BatchWriteOptions { get; } = ["weight", "batchSize", "new"];

    public static IReadOnlyList<string> TransactGetOptions { get; } = ["weight", "batchSize", "projection"];

    public static IReadOnlyList<string> TransactWriteOptions { get; } = ["weight", "batchSize", "new", "condition", "values"];

    public static IReadOnlyList<string> StatementOptions { get; } = ["weight", "text", "params", "consistent", "new"];

    /// <summary>Keys of a query's <c>sk: { … }</c>; exactly one is given.</summary>
    public static IReadOnlyList<string> SortKeyCondition { get; } = ["beginsWith", "between", "eq", "lt", "le", "gt", "ge"];

    /// <summary>The option keys of <paramref name="operation"/> (one of <see cref="SuiteValues.Operations"/>).</summary>
    public static IReadOnlyList<string> OperationOptions(string operation) => operation switch
    {
        "get" => GetOptions,
        "put" => PutOptions,
        "update" => UpdateOptions,
        "delete" => DeleteOptions,
        "query" => QueryOptions,
        "scan" => ScanOptions,
        "batchGet" => BatchGetOptions,
        "batchWrite" => BatchWriteOptions,
        "transactGet" => TransactGetOptions,
        "transactWrite" => TransactWriteOptions,
        "statement" => StatementOptions,
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Unknown operation."),
    };

    /// <summary>Keys of a <c>{ rate: …, for: … }</c> phase.</summary>
    public static IReadOnlyList<string> RatePhase { get; } = ["rate", "for"];

    public static IReadOnlyList<string> RampPhase { get; } = ["ramp"];

    public static IReadOnlyList<string> PausePhase { get; } = ["pause"];

    public static IReadOnlyList<string> ProfilePhase { get; } = ["profile"];

    public static IReadOnlyList<string> ConcurrencyPhase { get; } = ["concurrency", "for"];

    public static IReadOnlyList<string> RampConcurrencyPhase { get; } = ["rampConcurrency"];

    /// <summary>Keys inside <c>ramp: { … }</c>.</summary>
    public static IReadOnlyList<string> Ramp { get; } = ["from", "to", "over"];

    /// <summary>Keys inside <c>profile: { … }</c>.</summary>
    public static IReadOnlyList<string> Profile { get; } = ["file", "scale", "period", "series"];

    /// <summary>Keys inside <c>rampConcurrency: { … }</c>.</summary>
    public static IReadOnlyList<string> RampConcurrency { get; } = ["from", "to", "over"];

    /// <summary>
    /// Keys of one budget. Any percentile key (p75, p99.5, …) is accepted too; the common ones are
    /// listed so editors offer them.
    /// </summary>
    public static IReadOnlyList<string> Budget { get; } =
    [
        "scenario", "op", "p50", "p75", "p90", "p95", "p99", "p99.9", "p99.99", "max",
        "throughput", "minThroughput", "throttled", "errors", "window", "abortAfter", "outcome",
    ];

    /// <summary>Keys of the suite's <c>tracing:</c> section; the command line's --trace options override them.</summary>
    public static IReadOnlyList<string> Tracing { get; } = ["mode", "rate", "reservoir", "slow", "alwaysKeepPerSecond", "service"];

    /// <summary>Keys of the suite's <c>metrics:</c> section; the command line's --metrics and --metrics-interval override them.</summary>
    public static IReadOnlyList<string> Metrics { get; } = ["emf", "otlp", "otlpInterval"];

    /// <summary>The key that tells which kind a load phase is, in the order the error messages list them.</summary>
    public static IReadOnlyList<string> PhaseKinds { get; } = ["rate", "ramp", "pause", "profile", "concurrency", "rampConcurrency"];
}
