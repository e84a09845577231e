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

        IReadOnlyDictionary<string, string> faults = reader.Optional("faults") is { } faultsNode ? Faults(faultsNode, diagnostics) : new SortedDictionary<string, string>(StringComparer.Ordinal);
        return diagnostics.Count > before ? null : new SimulatorPlan(preset, overrides) { Faults = faults };
    }

    /// <summary>
    /// <c>faults: { internalServerError: 2%, serviceUnavailable: { rate: 100%, from: 20s, for: 5s }, latency: { p50: 20ms } }</c>
    /// as the simulator's entries (<c>KIND</c> or <c>KIND.FIELD</c> → text), checked by the simulator's own parser; its
    /// complaints point at the value (or the fault) they are about.
    /// </summary>
    private static SortedDictionary<string, string> Faults(Node node, SuiteDiagnostics diagnostics)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (ScalarReader.Mapping(node, "simulator.faults", diagnostics) is not { } mapping)
            return entries;
        var places = new Dictionary<string, Node>(StringComparer.Ordinal);
        var kinds = MappingReader.Open(mapping, "simulator.faults", diagnostics);
        kinds.CheckAllowed(SuiteKeys.SimulatorFaults);
        foreach (var (key, value) in kinds.Entries.Where(e => SuiteKeys.SimulatorFaults.Contains(e.Key.Value)))
        {
            if (value is MappingNode fields)
            {
                var allowed = key.Value == "latency" ? SuiteKeys.LatencyFault : SuiteKeys.Fault;
                var reader = MappingReader.Open(fields, $"simulator.faults.{key.Value}", diagnostics);
                reader.CheckAllowed(allowed);
                foreach (var (field, text) in reader.Entries.Where(e => allowed.Contains(e.Key.Value)))
                    Add($"{key.Value}.{field.Value}", text);
                if (reader.Entries.Count == 0)
                    diagnostics.Add(value, $"simulator.faults.{key.Value}: expected its fields ({string.Join(", ", allowed)})");
            }
            else
            {
                // The shorthand for KIND.rate, stored as such so --simulator faults.KIND.rate=… overrides it.
                Add(key.Value + ".rate", value);
            }
        }

        var errors = new List<(string Name, string Error)>();
        LoadLab.Capacity.Proxy.Faults.FaultSettings.Parse(entries, errors);
        foreach (var (name, error) in errors)
            diagnostics.Add(places.GetValueOrDefault(name, node), $"simulator.faults.{name}: {error}");
        return entries;

        void Add(string name, Node value)
        {
            if (ScalarReader.Text(value, $"simulator.faults.{name}", diagnostics) is { } text)
            {
                entries[name] = text;
                places[name] = value;
            }
        }
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
