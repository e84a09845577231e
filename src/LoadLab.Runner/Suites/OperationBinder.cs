using LoadLab.Core.Text;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds the mapping form of a mix entry, <c>query: { weight: 25, index: byStatus, limit: 20 }</c>: a required weight
/// and the options that operation takes (<see cref="SuiteKeys.OperationOptions"/>); any other key is an error.
/// </summary>
internal static class OperationBinder
{
    public static OperationDraft Bind(ScalarNode operationNode, MappingNode mapping, SuiteDiagnostics diagnostics)
    {
        var operation = operationNode.Value;
        var before = diagnostics.Count;
        var reader = MappingReader.Open(mapping, $"mix.{operation}", diagnostics);
        CheckKeys(reader, operation, diagnostics);
        string What(string key) => $"mix.{operation}.{key}";

        var weight = reader.Required("weight", "its relative weight in the mix, e.g. weight: 20") is { } w
            ? MixBinder.Weight(w, What("weight"), diagnostics)
            : null;
        var options = OperationOptions.None;
        if (reader.Optional("consistent") is { } consistent && OptionReader.Bool(consistent, What("consistent"), diagnostics) is { } c)
            options = options with { ConsistentRead = c };
        if (reader.Optional("projection") is { } projection && OptionReader.Names(projection, What("projection"), diagnostics) is { } p)
            options = options with { Projection = p };
        if (reader.Optional("new") is { } insert && OptionReader.Bool(insert, What("new"), diagnostics) is { } n)
            options = options with { NewItems = n };
        if (reader.Optional("condition") is { } condition && ScalarReader.Text(condition, What("condition"), diagnostics) is { } cond)
            options = options with { Condition = cond };
        if (reader.Optional("filter") is { } filter && ScalarReader.Text(filter, What("filter"), diagnostics) is { } f)
            options = options with { Filter = f };
        if (reader.Optional("values") is { } values && OptionReader.Values(values, What("values"), diagnostics) is { } v)
            options = options with { Values = v };
        if (reader.Optional("add") is { } add && OptionReader.Assignments(add, What("add"), numbersOnly: true, diagnostics) is { } a)
            options = options with { Add = a };
        if (reader.Optional("set") is { } set && OptionReader.Assignments(set, What("set"), numbersOnly: false, diagnostics) is { } s)
            options = options with { Set = s };
        var indexNode = reader.Optional("index");
        if (indexNode is not null && ScalarReader.Text(indexNode, What("index"), diagnostics) is { } index)
            options = options with { Index = index };
        var sortKeyNode = reader.Optional("sk");
        var sortKey = sortKeyNode is null ? null : SortKeyBinder.Bind(sortKeyNode, What("sk"), diagnostics);
        if (sortKey is not null)
            options = options with { SortKey = sortKey };
        if (reader.Optional("limit") is { } limit && ScalarReader.Int(limit, What("limit"), 1, SuiteValues.MaxLimit, diagnostics) is { } l)
            options = options with { Limit = l };
        if (reader.Optional("pages") is { } pages && ScalarReader.Choice(pages, What("pages"), SuiteValues.PageModes, diagnostics) is { } mode)
            options = options with { Pages = mode == "first" ? PageMode.First : PageMode.All };
        if (reader.Optional("segments") is { } segments && ScalarReader.Int(segments, What("segments"), 1, SuiteValues.MaxScanSegments, diagnostics) is { } seg)
            options = options with { Segments = seg };
        if (reader.Optional("batchSize") is { } size && ScalarReader.Int(size, What("batchSize"), 1, SuiteValues.MaxBatchSize(operation), diagnostics) is { } b)
            options = options with { BatchSize = b };
        if (operation == "statement")
        {
            var text = reader.Required("text", "the PartiQL statement, e.g. text: 'SELECT * FROM \"{table}\" WHERE pk = ?'");
            if (StatementBinder.Bind(text, reader.Optional("params"), $"mix.{operation}", diagnostics) is { } statement)
                options = options with { Statement = statement };
        }

        ExpressionChecks.Check(reader, operation, diagnostics);

        var entry = diagnostics.Count == before && weight is { } weightValue
            ? new OperationWeight(OperationKinds.Parse(operation), weightValue) { Options = options }
            : null;
        return new OperationDraft(operationNode, indexNode, sortKeyNode, sortKey, entry, reader.Optional("consistent"), reader.Optional("params"));
    }

    private static void CheckKeys(MappingReader reader, string operation, SuiteDiagnostics diagnostics)
    {
        var allowed = SuiteKeys.OperationOptions(operation);
        foreach (var (key, _) in reader.Entries)
        {
            if (allowed.Contains(key.Value))
                continue;
            // An option of another operation is a likelier mistake than a typo, and deserves its own message.
            var elsewhere = SuiteValues.Operations.Where(o => SuiteKeys.OperationOptions(o).Contains(key.Value)).ToList();
            var hint = elsewhere.Count > 0
                ? $" ('{key.Value}' is an option of {string.Join(", ", elsewhere)})"
                : NameSuggestions.DidYouMean(key.Value, allowed);
            diagnostics.Add(key, $"mix.{operation}: unknown option '{key.Value}' for {operation}; allowed: {string.Join(", ", allowed)}.{hint}");
        }
    }
}
