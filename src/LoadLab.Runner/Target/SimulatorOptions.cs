namespace LoadLab.Runner.Target;

/// <summary>Capacity simulator settings for a local run: a preset (documented, optimistic, legacy-no-adaptive) and parameter overrides.</summary>
internal sealed record SimulatorOptions(string? Preset = null, IReadOnlyDictionary<string, string>? Overrides = null)
{
    public static readonly SimulatorOptions Default = new();
}
