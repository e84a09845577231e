using LoadLab.Capacity.Model;
using LoadLab.Core.Cost;
using LoadLab.Core.Plans;
using LoadLab.Runner.Environments;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.Tracing;

namespace LoadLab.Runner.Planning;

/// <summary>
/// A run as it will be carried out: the suite, the environment and the command line resolved once, with every
/// precedence applied (suite &lt; environment &lt; command line). The stages after <see cref="RunResolver"/> read
/// only this; nothing re-applies an option later.
/// </summary>
internal sealed record ResolvedRun
{
    /// <summary>The suite as loaded (its name, run id, seed and variants as written).</summary>
    public required RunPlan Suite { get; init; }

    /// <summary>What runs, in order: each variant, or the suite itself when it has none; already cut to the shard's slice.</summary>
    public required IReadOnlyList<ResolvedVariant> Runs { get; init; }

    /// <summary>The report folder: each variant writes into a sub-folder of it.</summary>
    public required string OutDirectory { get; init; }

    /// <summary>The capacity simulator's settings for a local target (preset, overrides, the run's prices).</summary>
    public required CapacitySettings Simulator { get; init; }

    /// <summary>The one price table of the run: plan, --max-cost, the simulator and results.json all price with it.</summary>
    public required CostPrices Prices { get; init; }

    public required TracingOptions Tracing { get; init; }

    /// <summary>The metrics outputs (EMF file, live OTLP export), from --metrics or the suite's metrics: section.</summary>
    public Metrics.ResolvedMetrics Metrics { get; init; } = Runner.Metrics.ResolvedMetrics.None;

    public required SafetyOptions Safety { get; init; }

    /// <summary>Set when this process is one shard of a sharded run.</summary>
    public ShardOptions? Shard { get; init; }

    /// <summary>The planned on-demand cost of every run (variant) of this process together.</summary>
    public required CostEstimate PlannedCost { get; init; }

    /// <summary>Where the run goes, with ssm: references read; null only for <c>loadlab plan</c>, which touches nothing.</summary>
    public ResolvedEnvironment? Target { get; init; }

    /// <summary>The account the credentials belong to, when it was checked (never for a local or loopback target).</summary>
    public string? AccountId { get; init; }

    /// <summary>The resolved target; the run stages need it.</summary>
    public ResolvedEnvironment RequireTarget() =>
        Target ?? throw new InvalidOperationException("The run's target was not resolved: call RunResolver.ResolveTargetAsync first.");
}

/// <summary>One run of the suite: a variant (null when the suite has none), its plan and its report folder.</summary>
internal sealed record ResolvedVariant(VariantPlan? Variant, RunPlan Plan, string OutDirectory)
{
    public string? Name => Variant?.Name;
}
