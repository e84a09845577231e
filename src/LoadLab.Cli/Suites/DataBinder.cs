using LoadLab.Core.Plans;

namespace LoadLab.Cli.Suites;

/// <summary>A data set as bound; the table id is checked against the tables by <see cref="SuiteValidator"/>.</summary>
internal sealed record DataDraft(ScalarNode TableIdNode, DataSetPlan? Plan);

/// <summary>Binds <c>data:</c>, a mapping of table id to the items seeded into it.</summary>
internal static class DataBinder
{
    public static IReadOnlyList<DataDraft> BindAll(Node node, long runSeed, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "data", diagnostics);
        if (mapping is null)
            return [];
        var reader = MappingReader.Open(mapping, "data", diagnostics);
        return [.. reader.Entries.Select(e => new DataDraft(e.Key, Bind(e.Key.Value, e.Value, runSeed, diagnostics)))];
    }

    private static DataSetPlan? Bind(string tableId, Node node, long runSeed, SuiteDiagnostics diagnostics)
    {
        var context = $"data for table '{tableId}'";
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Fixed(mapping, context, SuiteKeys.DataSet, diagnostics);
        var model = reader.Required("model", "the data model, one of " + string.Join(", ", SuiteValues.Models)) is { } modelNode
            ? ScalarReader.Choice(modelNode, "model", SuiteValues.Models, diagnostics)
            : null;
        var items = reader.Required("items", "how many items to seed") is { } itemsNode
            ? ScalarReader.Long(itemsNode, "items", 1, SuiteValues.MaxItems, diagnostics)
            : null;
        // Without its own seed a data set follows the run's seed, so --seed changes the data too.
        var seed = reader.Optional("seed") is { } seedNode
            ? ScalarReader.Long(seedNode, "seed", long.MinValue, long.MaxValue, diagnostics)
            : runSeed;

        if (model is null || items is null || seed is null)
            return null;
        return new DataSetPlan { TableId = tableId, Model = model, Items = items.Value, Seed = seed.Value };
    }
}
