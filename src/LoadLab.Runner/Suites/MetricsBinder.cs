using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>Binds <c>metrics: { emf: off | file | stdout, otlp: off | on, otlpInterval: 5s }</c>.</summary>
internal static class MetricsBinder
{
    public static MetricsPlan? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "metrics", diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Fixed(mapping, "metrics", SuiteKeys.Metrics, diagnostics);
        string? emf = reader.Optional("emf") is { } e ? ScalarReader.Choice(e, "metrics.emf", MetricsPlan.EmfChoices, diagnostics) : null;
        string? otlp = reader.Optional("otlp") is { } o ? ScalarReader.Choice(o, "metrics.otlp", MetricsPlan.OtlpChoices, diagnostics) : null;
        TimeSpan? interval = null;
        if (reader.Optional("otlpInterval") is { } i && ScalarReader.Duration(i, "metrics.otlpInterval", positive: true, diagnostics) is { } parsed)
        {
            if (MetricsPlan.CheckOtlpInterval(parsed) is { } problem)
                diagnostics.Add(i, "metrics.otlpInterval: " + problem);
            else
                interval = parsed;
        }

        return new MetricsPlan(emf ?? "off", otlp ?? "off", interval);
    }
}
