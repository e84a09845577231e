namespace LoadLab.Capacity.Model;

/// <summary>
/// Every constant of the model (reference: dynamodb-capacity.md M0), with the preset it came from.
/// Placeholder shape: the capacity-model work fills in every parameter and the presets.
/// </summary>
public sealed record CapacitySettings
{
    public string Preset { get; init; } = "documented";

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "000000000000";
}
