using LoadLab.Core.Text;
using System.Text;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Data.Custom;
using LoadLab.DynamoDb.Data.Keys;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds <c>model: { fields: { email: internet.email, amount: "finance.amount(1,500)", address: { city: address.city } } }</c>.
/// Every expression is compiled here, once, so an unknown generator or a bad argument is reported at its line with
/// a suggestion, and the run later compiles the same text without surprises.
/// </summary>
internal static class CustomModelBinder
{
    private const int MaxDepth = 8;

    public static IReadOnlyList<CustomFieldPlan>? Bind(MappingNode mapping, SuiteDiagnostics diagnostics)
    {
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, "model", SuiteKeys.CustomModel, diagnostics);
        var fields = reader.Required("fields", "the fields of each item, e.g. { email: internet.email, id: index }") is { } node
            ? Fields(node, "model.fields", depth: 0, diagnostics)
            : null;
        return diagnostics.Count > before ? null : fields;
    }

    private static List<CustomFieldPlan>? Fields(Node node, string what, int depth, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, what, diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Open(mapping, what, diagnostics);
        if (reader.Entries.Count == 0)
            diagnostics.Add(mapping, $"{what}: declare at least one field, e.g. {{ id: index, email: internet.email }}");
        var fields = new List<CustomFieldPlan>(reader.Entries.Count);
        foreach (var (key, value) in reader.Entries)
        {
            var path = what + "." + key.Value;
            if (Encoding.UTF8.GetByteCount(key.Value) > SuiteValues.MaxAttributeNameBytes)
            {
                diagnostics.Add(key, Formatting.Invariant($"{path}: attribute names here are at most {SuiteValues.MaxAttributeNameBytes} bytes"));
                continue;
            }
            if (value is MappingNode && depth >= MaxDepth)
            {
                diagnostics.Add(value, Formatting.Invariant($"{path}: maps nest at most {MaxDepth} levels deep here"));
                continue;
            }
            if (value is MappingNode)
            {
                if (Fields(value, path, depth + 1, diagnostics) is { } children)
                    fields.Add(new CustomFieldPlan(key.Value, null, children));
                continue;
            }
            if (Expression(value, path, diagnostics) is { } expression)
                fields.Add(new CustomFieldPlan(key.Value, expression));
        }
        return fields;
    }

    private static string? Expression(Node node, string what, SuiteDiagnostics diagnostics)
    {
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            diagnostics.Add(node, $"{what}: expected a generator such as internet.email, a function such as list(lorem.word, 3), or a map of fields; found {node.Found}");
            return null;
        }
        try
        {
            CustomModels.Check(scalar.Value);
            return scalar.Value;
        }
        catch (DataDesignException ex)
        {
            diagnostics.Add(node, $"{what}: {ex.Message}." + (ex.Unknown is { } unknown ? NameSuggestions.DidYouMean(unknown, ex.Candidates) : string.Empty));
            return null;
        }
    }
}
