using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>Binds <c>metrics: { emf: off | file | stdout }</c>.</summary>
internal static class MetricsBinder
{
    public static MetricsPlan? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "metrics", diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Fixed(mapping, "metrics", SuiteKeys.Metrics, diagnostics);
        string? emf = reader.Optional("emf") is { } e ? ScalarReader.Choice(e, "metrics.emf", MetricsPlan.EmfChoices, diagnostics) : null;
        return new MetricsPlan(emf ?? "off");
    }
}
