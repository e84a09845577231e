using LoadLab.Core.Plans;

namespace LoadLab.Cli.Suites;

/// <summary>Binds a scenario's <c>mix: { get: 80, put: 20 }</c>: operations and relative weights, in file order.</summary>
internal static class MixBinder
{
    public static IReadOnlyList<OperationWeight>? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "mix", diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Open(mapping, "mix", diagnostics);
        if (reader.Entries.Count == 0)
            diagnostics.Add(mapping, "mix: add at least one operation with a weight, e.g. '{ get: 80, put: 20 }'");
        var weights = new List<OperationWeight>();
        foreach (var (operation, weightNode) in reader.Entries)
        {
            if (!SuiteValues.Operations.Contains(operation.Value))
            {
                diagnostics.Add(operation, $"mix: unknown operation '{operation.Value}'; allowed: {string.Join(", ", SuiteValues.Operations)}."
                    + Suggestions.DidYouMean(operation.Value, SuiteValues.Operations));
                continue;
            }
            // Weights are relative (80/20 and 4/1 mean the same), so any positive number works.
            if (ScalarReader.Number(weightNode, $"mix.{operation.Value}", 0, double.MaxValue, minExclusive: true, diagnostics) is { } weight)
                weights.Add(new OperationWeight(operation.Value, weight));
        }
        return diagnostics.Count > before ? null : weights;
    }
}
