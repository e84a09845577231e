using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds a query's <c>sk:</c> condition: exactly one of <c>beginsWith: "ORDER#2024"</c>, <c>between: [a, b]</c>,
/// or a comparison <c>eq</c>, <c>lt</c>, <c>le</c>, <c>gt</c>, <c>ge</c>. Values stay text here; the validator checks
/// them against the sort key's type.
/// </summary>
internal static class SortKeyBinder
{
    public static SortKeyCondition? Bind(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, what, diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, what, SuiteKeys.SortKeyCondition, diagnostics);
        var given = reader.Entries.Where(e => SuiteKeys.SortKeyCondition.Contains(e.Key.Value)).ToList();
        if (given.Count == 0 && diagnostics.Count == before)
        {
            diagnostics.Add(mapping, $"{what}: give one condition on the sort key: {string.Join(", ", SuiteKeys.SortKeyCondition)}, e.g. {{ beginsWith: \"ORDER#2024\" }}");
            return null;
        }
        if (given.Count > 1)
        {
            diagnostics.Add(given[1].Key, $"{what}: one condition only; found '{given[0].Key.Value}' and '{given[1].Key.Value}' (a range is between: [low, high])");
            return null;
        }
        if (given.Count == 0)
            return null;

        var (key, value) = given[0];
        if (key.Value == "between")
            return Between(value, $"{what}.between", diagnostics);
        var text = ScalarReader.Text(value, $"{what}.{key.Value}", diagnostics);
        if (text is null || diagnostics.Count > before)
            return null;
        var op = key.Value switch
        {
            "beginsWith" => SortKeyOperator.BeginsWith,
            "eq" => SortKeyOperator.Equal,
            "lt" => SortKeyOperator.Less,
            "le" => SortKeyOperator.LessOrEqual,
            "gt" => SortKeyOperator.Greater,
            _ => SortKeyOperator.GreaterOrEqual,
        };
        return new SortKeyCondition(op, text);
    }

    private static SortKeyCondition? Between(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var sequence = ScalarReader.Sequence(node, what, diagnostics);
        if (sequence is null)
            return null;
        if (sequence.Items.Count != 2)
        {
            diagnostics.Add(sequence, Formatting.Invariant($"{what}: expected two values, [low, high], found {sequence.Items.Count}"));
            return null;
        }
        var low = ScalarReader.Text(sequence.Items[0], what, diagnostics);
        var high = ScalarReader.Text(sequence.Items[1], what, diagnostics);
        return low is null || high is null ? null : new SortKeyCondition(SortKeyOperator.Between, low, high);
    }
}
