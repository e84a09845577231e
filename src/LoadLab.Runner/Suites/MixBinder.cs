using LoadLab.Core.Text;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds a scenario's <c>mix:</c>: operations and relative weights, in file order. Each entry is a weight
/// (<c>get: 80</c>) or a mapping with a weight and the operation's options (<c>get: { weight: 80, consistent: true }</c>).
/// </summary>
internal static class MixBinder
{
    public static IReadOnlyList<OperationDraft>? Bind(Node node, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "mix", diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Open(mapping, "mix", diagnostics);
        if (reader.Entries.Count == 0)
            diagnostics.Add(mapping, "mix: add at least one operation with a weight, e.g. '{ get: 80, put: 20 }'");
        var drafts = new List<OperationDraft>();
        foreach (var (operation, value) in reader.Entries)
        {
            if (!SuiteValues.Operations.Contains(operation.Value))
            {
                diagnostics.Add(operation, $"mix: unknown operation '{operation.Value}'; allowed: {string.Join(", ", SuiteValues.Operations)}."
                    + NameSuggestions.DidYouMean(operation.Value, SuiteValues.Operations));
                continue;
            }
            if (operation.Value == "statement" && value is not MappingNode)
            {
                diagnostics.Add(value, "mix.statement: a statement needs its text: statement: { weight: 10, text: 'SELECT * FROM \"{table}\" WHERE pk = ?', params: [pk] }");
                continue;
            }

            drafts.Add(value is MappingNode options
                ? OperationBinder.Bind(operation, options, diagnostics)
                : new OperationDraft(operation, null, null, null, Weight(value, $"mix.{operation.Value}", diagnostics) is { } w
                    ? new OperationWeight(OperationKinds.Parse(operation.Value), w)
                    : null));
        }
        return drafts;
    }

    /// <summary>Weights are relative (80/20 and 4/1 mean the same), so any positive number works.</summary>
    public static double? Weight(Node node, string what, SuiteDiagnostics diagnostics) =>
        ScalarReader.Number(node, what, 0, double.MaxValue, minExclusive: true, diagnostics);
}
