using LoadLab.Capacity.Model.Metrics;

namespace LoadLab.Capacity.Model;

/// <summary>
/// The model's metrics at one moment, JSON-serialisable (plain records, camelCase-friendly names)
/// for the metrics endpoint and results.json. States the preset and overrides in force, because
/// the numbers depend on them.
/// </summary>
public sealed record CapacityMetricsSnapshot
{
    public required string Preset { get; init; }

    /// <summary>Overrides applied on top of the preset (name → text as given).</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();

    /// <summary>Every parameter in force (name → value), so a report is reproducible.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    // Not required, so fakes built against the original placeholder (Preset only) still compile.
    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset TakenAt { get; init; }

    /// <summary>Tables and their GSIs (deleted ones last), each with per-second and per-hour series.</summary>
    public IReadOnlyList<CapacityResourceMetrics> Resources { get; init; } = [];
}
