namespace LoadLab.Capacity.Model;

/// <summary>
/// The model's metrics, JSON-serialisable for the metrics endpoint and results.json.
/// Placeholder shape: the capacity-model work defines the per-second series.
/// </summary>
public sealed record CapacityMetricsSnapshot
{
    public required string Preset { get; init; }
}
