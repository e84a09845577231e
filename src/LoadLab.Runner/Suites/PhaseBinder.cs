using LoadLab.Core.Plans;
using LoadLab.Runner.Suites.Profiles;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds a scenario's <c>load:</c> list. Each item is exactly one of rate, ramp, pause, profile,
/// concurrency or rampConcurrency; the key present says which.
/// </summary>
internal static class PhaseBinder
{
    private static readonly IReadOnlyList<string> AnyPhaseKey =
    [
        .. SuiteKeys.RatePhase, .. SuiteKeys.RampPhase, .. SuiteKeys.PausePhase, .. SuiteKeys.ProfilePhase,
        .. SuiteKeys.ConcurrencyPhase.Except(SuiteKeys.RatePhase), .. SuiteKeys.RampConcurrencyPhase,
    ];

    public static IReadOnlyList<LoadPhase>? BindAll(Node node, SuiteDiagnostics diagnostics)
    {
        var sequence = ScalarReader.Sequence(node, "load", diagnostics);
        if (sequence is null)
            return null;
        if (sequence.Items.Count == 0)
        {
            diagnostics.Add(sequence, "load: add at least one phase, e.g. '- { rate: 100, for: 1m }'");
            return null;
        }
        var before = diagnostics.Count;
        var phases = new List<LoadPhase>(sequence.Items.Count);
        var ends = new PhaseEnds();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (Bind(sequence.Items[i], Formatting.Invariant($"load phase {i + 1}"), ends, diagnostics) is { } phase)
            {
                phases.Add(phase);
                ends = ends.After(phase);
            }
        }
        return diagnostics.Count > before ? null : phases;
    }

    private static LoadPhase? Bind(Node node, string context, PhaseEnds ends, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Open(mapping, context, diagnostics);
        var kinds = SuiteKeys.PhaseKinds.Where(reader.Has).ToList();
        if (kinds.Count == 0)
        {
            // A typo in the kind key ('rat: 100') is better explained by the suggestion than by "needs one of".
            if (reader.CheckAllowed(AnyPhaseKey))
                diagnostics.Add(mapping, $"{context} needs one of: {string.Join(", ", SuiteKeys.PhaseKinds)}");
            return null;
        }
        if (kinds.Count > 1)
        {
            diagnostics.Add(reader.KeyNode(kinds[1]) ?? mapping, $"{context} has both '{kinds[0]}' and '{kinds[1]}'; "
                + "a phase is exactly one of " + string.Join(", ", SuiteKeys.PhaseKinds) + ", so make them separate list items");
            return null;
        }
        var before = diagnostics.Count;
        LoadPhase? phase = kinds[0] switch
        {
            "rate" => Rate(reader, diagnostics),
            "ramp" => RampBinder.Rate(reader, ends.Rate, diagnostics),
            "pause" => Pause(reader, diagnostics),
            "profile" => ProfileBinder.Bind(reader, context, diagnostics),
            "concurrency" => Concurrency(reader, diagnostics),
            _ => RampBinder.Workers(reader, ends.Workers, diagnostics),
        };
        return diagnostics.Count > before ? null : phase;
    }

    private static RatePhase? Rate(MappingReader reader, SuiteDiagnostics diagnostics)
    {
        reader.CheckAllowed(SuiteKeys.RatePhase);
        var rate = ScalarReader.Number(reader.Present("rate"), "rate", 0, SuiteValues.MaxRate, minExclusive: false, diagnostics);
        var length = For(reader, "how long the rate is held", diagnostics);
        return rate is { } r && length is { } d ? new RatePhase(r, d) : null;
    }

    private static PausePhase? Pause(MappingReader reader, SuiteDiagnostics diagnostics)
    {
        reader.CheckAllowed(SuiteKeys.PausePhase);
        return ScalarReader.Duration(reader.Present("pause"), "pause", positive: true, diagnostics) is { } d ? new PausePhase(d) : null;
    }

    private static ConcurrencyPhase? Concurrency(MappingReader reader, SuiteDiagnostics diagnostics)
    {
        reader.CheckAllowed(SuiteKeys.ConcurrencyPhase);
        var workers = ScalarReader.Int(reader.Present("concurrency"), "concurrency", 1, SuiteValues.MaxWorkers, diagnostics);
        var length = For(reader, "how long the workers run", diagnostics);
        return workers is { } w && length is { } d ? new ConcurrencyPhase(w, d) : null;
    }

    private static TimeSpan? For(MappingReader reader, string what, SuiteDiagnostics diagnostics) =>
        reader.Required("for", what + ", e.g. 2m") is { } node
            ? ScalarReader.Duration(node, "for", positive: true, diagnostics)
            : null;
}

/// <summary>
/// Where the previous phases left off, so a ramp without 'from' starts there: the last open phase's
/// ending rate (a pause ends at 0) and the last closed phase's ending worker count; 0 when none.
/// </summary>
internal readonly record struct PhaseEnds(double Rate, int Workers)
{
    public PhaseEnds After(LoadPhase phase) => phase switch
    {
        RatePhase p => this with { Rate = p.Rate },
        RampPhase p => this with { Rate = p.To },
        PausePhase => this with { Rate = 0 },
        ProfilePhase p => this with { Rate = p.Points[^1].Rate },
        ConcurrencyPhase p => this with { Workers = p.Workers },
        RampConcurrencyPhase p => this with { Workers = p.To },
        _ => this,
    };
}
