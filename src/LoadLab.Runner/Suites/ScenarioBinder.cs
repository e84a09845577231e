using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// A scenario as bound: the parts <see cref="SuiteValidator"/> checks across sections, with their
/// positions, and the plan when the scenario itself had no error.
/// </summary>
internal sealed record ScenarioDraft(
    ScalarNode? NameNode,
    ScalarNode? TableNode,
    Node? WarmupNode,
    TimeSpan Warmup,
    TimeSpan? Duration,
    ScenarioPlan? Plan,
    IReadOnlyList<OperationDraft>? Operations = null,
    KeysDraft? Keys = null);

/// <summary>Binds <c>scenarios:</c>, a list of scenarios.</summary>
internal static class ScenarioBinder
{
    public static IReadOnlyList<ScenarioDraft> BindAll(Node node, SuiteDiagnostics diagnostics)
    {
        var sequence = ScalarReader.Sequence(node, "scenarios", diagnostics);
        if (sequence is null)
            return [];
        if (sequence.Items.Count == 0)
            diagnostics.Add(sequence, "scenarios: add at least one scenario");
        return [.. sequence.Items.Select((item, index) => Bind(item, index + 1, diagnostics)).OfType<ScenarioDraft>()];
    }

    private static ScenarioDraft? Bind(Node node, int number, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, Formatting.Invariant($"scenario {number}"), diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        // The name is peeked at only to label the scenario in messages; problems with it are reported below.
        var nameNode = mapping.Entries.FirstOrDefault(e => e.Key is ScalarNode { Value: "name" })?.Value as ScalarNode;
        var context = nameNode is { IsNull: false } && NameRules.IsSimple(nameNode.Value)
            ? $"scenario '{nameNode.Value}'"
            : Formatting.Invariant($"scenario {number}");
        var reader = MappingReader.Fixed(mapping, context, SuiteKeys.Scenario, diagnostics);

        var name = reader.Required("name", "unique within the suite") is { } n ? NameRules.Read(n, "name", diagnostics) : null;
        var tableNode = reader.Required("table", "the id of a table under 'tables'");
        var tableId = tableNode is null ? null : ScalarReader.Text(tableNode, "table", diagnostics);
        var operations = reader.Required("mix", "operations and weights, e.g. { get: 80, put: 20 }") is { } m ? MixBinder.Bind(m, diagnostics) : null;
        var mix = operations is null || operations.Any(o => o.Entry is null) ? null : operations.Select(o => o.Entry!).ToArray();
        var keysDraft = reader.Optional("keys") is { } k ? KeysBinder.Bind(k, diagnostics) : null;
        var keys = keysDraft is null ? KeyDistributionPlan.Uniform : keysDraft.Plan;
        var maxInFlight = reader.Optional("maxInFlight") is { } f
            ? ScalarReader.Int(f, "maxInFlight", 1, ScenarioDefaults.MaxInFlightLimit, diagnostics)
            : ScenarioDefaults.MaxInFlight;
        var whenFull = reader.Optional("whenFull") is { } w ? BindWhenFull(w, diagnostics) : SaturationPolicy.Queue;
        var warmupNode = reader.Optional("warmup");
        var warmup = warmupNode is null ? TimeSpan.Zero : ScalarReader.Duration(warmupNode, "warmup", positive: false, diagnostics);
        var thinkTime = reader.Optional("thinkTime") is { } t ? ScalarReader.Duration(t, "thinkTime", positive: false, diagnostics) : TimeSpan.Zero;
        var phases = reader.Required("load", "a list of phases, e.g. - { rate: 100, for: 1m }") is { } l ? PhaseBinder.BindAll(l, diagnostics) : null;

        TimeSpan? duration = phases?.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Duration);
        ScenarioPlan? plan = null;
        if (diagnostics.Count == before && name is not null && tableId is not null && mix is not null && keys is not null
            && maxInFlight is { } inFlight && whenFull is { } full && warmup is { } warm && thinkTime is { } think && phases is not null)
        {
            plan = new ScenarioPlan
            {
                Name = name,
                TableId = tableId,
                Mix = mix,
                Keys = keys,
                Phases = phases,
                MaxInFlight = inFlight,
                WhenFull = full,
                Warmup = warm,
                ThinkTime = think,
            };
        }
        return new ScenarioDraft(name is null ? null : nameNode, tableId is null ? null : tableNode as ScalarNode,
            warmupNode, warmup ?? TimeSpan.Zero, duration, plan, operations, keysDraft);
    }

    private static SaturationPolicy? BindWhenFull(Node node, SuiteDiagnostics diagnostics) =>
        ScalarReader.Choice(node, "whenFull", SuiteValues.WhenFull, diagnostics) switch
        {
            "queue" => SaturationPolicy.Queue,
            "drop" => SaturationPolicy.Drop,
            _ => null,
        };
}
