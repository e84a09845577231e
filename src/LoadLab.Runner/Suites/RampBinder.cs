using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>Binds <c>ramp: { from, to, over }</c> and <c>rampConcurrency: { from, to, over }</c>.</summary>
internal static class RampBinder
{
    public static RampPhase? Rate(MappingReader phase, double previousRate, SuiteDiagnostics diagnostics)
    {
        var reader = Open(phase, "ramp", SuiteKeys.RampPhase, SuiteKeys.Ramp, diagnostics);
        if (reader is null)
            return null;
        var from = reader.Optional("from") is { } f
            ? ScalarReader.Number(f, "ramp.from", 0, SuiteValues.MaxRate, minExclusive: false, diagnostics)
            : previousRate;
        var to = reader.Required("to", "the rate per second at the end") is { } t
            ? ScalarReader.Number(t, "ramp.to", 0, SuiteValues.MaxRate, minExclusive: false, diagnostics)
            : null;
        var over = Over(reader, diagnostics);
        return from is { } a && to is { } b && over is { } d ? new RampPhase(a, b, d) : null;
    }

    public static RampConcurrencyPhase? Workers(MappingReader phase, int previousWorkers, SuiteDiagnostics diagnostics)
    {
        var reader = Open(phase, "rampConcurrency", SuiteKeys.RampConcurrencyPhase, SuiteKeys.RampConcurrency, diagnostics);
        if (reader is null)
            return null;
        var from = reader.Optional("from") is { } f
            ? ScalarReader.Int(f, "rampConcurrency.from", 0, SuiteValues.MaxWorkers, diagnostics)
            : previousWorkers;
        var to = reader.Required("to", "the number of workers at the end") is { } t
            ? ScalarReader.Int(t, "rampConcurrency.to", 0, SuiteValues.MaxWorkers, diagnostics)
            : null;
        var over = Over(reader, diagnostics);
        return from is { } a && to is { } b && over is { } d ? new RampConcurrencyPhase(a, b, d) : null;
    }

    private static MappingReader? Open(MappingReader phase, string key, IReadOnlyList<string> phaseKeys, IReadOnlyList<string> bodyKeys, SuiteDiagnostics diagnostics)
    {
        phase.CheckAllowed(phaseKeys);
        var body = ScalarReader.Mapping(phase.Present(key), key, diagnostics);
        return body is null ? null : MappingReader.Fixed(body, key, bodyKeys, diagnostics);
    }

    private static TimeSpan? Over(MappingReader reader, SuiteDiagnostics diagnostics) =>
        reader.Required("over", "how long the ramp takes, e.g. 30s") is { } node
            ? ScalarReader.Duration(node, $"{reader.Context}.over", positive: true, diagnostics)
            : null;
}
