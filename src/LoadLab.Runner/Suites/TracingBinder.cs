using LoadLab.Core.Plans;
using LoadLab.Tracing;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds <c>tracing: { mode, rate, reservoir, slow, alwaysKeepPerSecond, service }</c>. The ranges are those of
/// <see cref="TracingOptions.Validate"/>, checked here so a wrong value is reported at its line before the run.
/// </summary>
internal static class TracingBinder
{
    public static TracingPlan? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "tracing", diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Fixed(mapping, "tracing", SuiteKeys.Tracing, diagnostics);
        var plan = new TracingPlan(
            Mode: reader.Optional("mode") is { } m ? ScalarReader.Choice(m, "tracing.mode", TraceModes.Names, diagnostics) : null,
            Rate: reader.Optional("rate") is { } r ? ScalarReader.Number(r, "tracing.rate", 0, 1, minExclusive: false, diagnostics) : null,
            ReservoirPerSecond: reader.Optional("reservoir") is { } n
                ? ScalarReader.Int(n, "tracing.reservoir", 0, TracingOptions.MaxPerSecond, diagnostics)
                : null,
            SlowThreshold: reader.Optional("slow") is { } s ? Slow(s, diagnostics) : null,
            AlwaysKeepPerSecond: reader.Optional("alwaysKeepPerSecond") is { } k
                ? ScalarReader.Int(k, "tracing.alwaysKeepPerSecond", 0, TracingOptions.MaxPerSecond, diagnostics)
                : null,
            ServiceName: reader.Optional("service") is { } v ? ScalarReader.Text(v, "tracing.service", diagnostics) : null);
        return plan;
    }

    private static TimeSpan? Slow(Node node, SuiteDiagnostics diagnostics)
    {
        var slow = ScalarReader.Duration(node, "tracing.slow", positive: true, diagnostics);
        if (slow is { } value && value > TimeSpan.FromHours(1))
        {
            diagnostics.Add(node, "tracing.slow: expected a duration above 0 and at most 1h, e.g. 100ms");
            return null;
        }

        return slow;
    }
}
