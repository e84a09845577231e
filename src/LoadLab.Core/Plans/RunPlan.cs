namespace LoadLab.Core.Plans;

/// <summary>
/// Everything a run will do, resolved and validated before the first request: tables, data sets,
/// scenarios with their load phases. Immutable; built once from a suite (or in code by tests).
/// </summary>
public sealed record RunPlan
{
    /// <summary>Identifies the run in reports and folder names, e.g. <c>20261126-210501-quickstart-3fa2</c>.</summary>
    public required string RunId { get; init; }

    /// <summary>The suite's <c>name</c>.</summary>
    public required string SuiteName { get; init; }

    /// <summary>Path of the suite file the plan came from, or null when built in code.</summary>
    public string? SuitePath { get; init; }

    /// <summary>local, dev, staging or prod.</summary>
    public string Environment { get; init; } = EnvironmentNames.Local;

    /// <summary>The environment's prefix, profile, region, endpoint and account as configured; null for a plan built in code (defaults apply).</summary>
    public EnvironmentPlan? EnvironmentSettings { get; init; }

    /// <summary>The environment settings in force: <see cref="EnvironmentSettings"/> or the defaults of <see cref="Environment"/>.</summary>
    public EnvironmentPlan EffectiveEnvironment() => EnvironmentSettings ?? EnvironmentPlan.Default(Environment);

    /// <summary>Seed for data and key choice: the same seed gives the same items and the same operation sequence.</summary>
    public long Seed { get; init; } = 42;

    public IReadOnlyList<TablePlan> Tables { get; init; } = [];

    public IReadOnlyList<DataSetPlan> DataSets { get; init; } = [];

    public required IReadOnlyList<ScenarioPlan> Scenarios { get; init; }

    /// <summary>Limits the run is checked against (latency percentiles, throughput, throttle and error rates); empty when the suite has none.</summary>
    public IReadOnlyList<Budgets.BudgetDefinition> Budgets { get; init; } = [];

    /// <summary>The suite's <c>failOn:</c> rules: the error-rate ceiling (already among <see cref="Budgets"/>) and how long the target may stay unreachable.</summary>
    public FailOnPlan FailOn { get; init; } = FailOnPlan.Default;

    /// <summary>The SDK client's retry mode, attempts and timeout from the suite (<c>sdk:</c>); null values keep the defaults.</summary>
    public SdkPlan Sdk { get; init; } = SdkPlan.Default;

    /// <summary>The capacity simulator's preset and overrides from the suite (local runs only).</summary>
    public SimulatorPlan Simulator { get; init; } = SimulatorPlan.Default;

    /// <summary>The suite's tracing settings, or null when it has no <c>tracing:</c> section.</summary>
    public TracingPlan? Tracing { get; init; }

    /// <summary>The suite's <c>metrics:</c> section, or null without one (no metrics outputs unless --metrics asks).</summary>
    public MetricsPlan? Metrics { get; init; }

    /// <summary>Factor applied to every phase and warm-up duration (0.1 for smoke runs). Already applied to <see cref="Scenarios"/>.</summary>
    public double DurationScale { get; init; } = 1.0;

    /// <summary>How long in-flight operations may take to finish after scheduling stops (end or Ctrl+C).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Length of one statistics interval.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Set on the plan of one variant (its tables carry the variant's name as a suffix); null otherwise.</summary>
    public string? Variant { get; init; }

    /// <summary>The suite's <c>variants:</c>, each a full plan of its own; empty when the suite has none.</summary>
    public IReadOnlyList<VariantPlan> Variants { get; init; } = [];

    public TablePlan Table(string id) => Tables.First(t => t.Id == id);
}
