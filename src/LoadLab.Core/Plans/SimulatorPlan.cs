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

    /// <summary>
    /// The faults to inject during the load (<c>simulator.faults</c>), as text by entry name: <c>internalServerError</c>
    /// (a rate) or <c>KIND.FIELD</c>, e.g. <c>latency.p50</c> → <c>20ms</c>; validated by the simulator at load time.
    /// </summary>
    public IReadOnlyDictionary<string, string> Faults { get; init; } = new Dictionary<string, string>();
}
