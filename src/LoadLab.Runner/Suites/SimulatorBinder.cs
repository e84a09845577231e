using LoadLab.Capacity.Model.Settings;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds <c>simulator: { preset: optimistic, overrides: { burstSeconds: 0, onDemandPeakLag: 2m } }</c>.
/// Each override is parsed and range-checked by the simulator itself (the same code that applies it),
/// so a suite that loads is a suite whose simulator settings apply; problems point at the value.
/// </summary>
internal static class SimulatorBinder
{
    public static SimulatorPlan? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "simulator", diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, "simulator", SuiteKeys.Simulator, diagnostics);
        var preset = reader.Optional("preset") is { } presetNode
            ? ScalarReader.Choice(presetNode, "simulator.preset", CapacityPresets.Names, diagnostics)
            : null;
        var overrides = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (reader.Optional("overrides") is { } overridesNode && ScalarReader.Mapping(overridesNode, "simulator.overrides", diagnostics) is { } overridesMapping)
        {
            var entries = MappingReader.Open(overridesMapping, "simulator.overrides", diagnostics);
            entries.CheckAllowed(SuiteKeys.SimulatorOverrides);
            foreach (var (key, value) in entries.Entries.Where(e => SuiteKeys.SimulatorOverrides.Contains(e.Key.Value)))
            {
                if (ScalarReader.Text(value, $"simulator.overrides.{key.Value}", diagnostics) is { } text && Check(preset, key.Value, text, value, diagnostics))
                    overrides[key.Value] = text;
            }
        }

        return diagnostics.Count > before ? null : new SimulatorPlan(preset, overrides);
    }

    /// <summary>Applies one override to the preset (documented when the preset itself is wrong) and reports what the simulator refuses.</summary>
    private static bool Check(string? preset, string name, string text, Node at, SuiteDiagnostics diagnostics)
    {
        try
        {
            CapacityPresets.Resolve(preset, new Dictionary<string, string> { [name] = text });
            return true;
        }
        catch (CapacitySettingsException e)
        {
            foreach (var error in e.Errors)
                diagnostics.Add(at, $"simulator.overrides.{name}: {error}");
            return false;
        }
    }
}
