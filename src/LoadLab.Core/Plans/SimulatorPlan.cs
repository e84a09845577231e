namespace LoadLab.Core.Plans;

/// <summary>
/// The suite's <c>simulator:</c> section: the capacity simulator's preset and parameter overrides for
/// local runs, as text (the simulator parses and has already validated them at load time).
/// Command-line options override both.
/// </summary>
/// <param name="Preset">documented, optimistic or legacy-no-adaptive; null for the default.</param>
/// <param name="Overrides">Parameter name (camelCase, e.g. <c>burstSeconds</c>) → value text (e.g. <c>0</c>, <c>2m</c>).</param>
public sealed record SimulatorPlan(string? Preset, IReadOnlyDictionary<string, string> Overrides)
{
    public static readonly SimulatorPlan Default = new(null, new Dictionary<string, string>());
}
