using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>A table as bound, kept even when invalid so references to its id do not cascade into more errors.</summary>
internal sealed record TableDraft(ScalarNode IdNode, TablePlan? Plan)
{
    public string Id => IdNode.Value;

    /// <summary>The indexes as bound, with positions, for checks against the table's data set.</summary>
    public IReadOnlyList<IndexDraft> Indexes { get; init; } = [];
}

/// <summary>Binds <c>tables:</c>, a mapping of table id to table.</summary>
internal static class TableBinder
{
    /// <param name="prefix">The environment's table prefix, e.g. <c>stg_</c>.</param>
    public static IReadOnlyList<TableDraft> BindAll(Node node, string prefix, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "tables", diagnostics);
        if (mapping is null)
            return [];
        var reader = MappingReader.Open(mapping, "tables", diagnostics);
        if (reader.Entries.Count == 0)
            diagnostics.Add(mapping, "tables: define at least one table, e.g. 'items: { name: Items, key: { pk: S } }'");
        return [.. reader.Entries.Select(e => Bind(e.Key, e.Value, prefix, diagnostics))];
    }

    private static TableDraft Bind(ScalarNode idNode, Node node, string prefix, SuiteDiagnostics diagnostics)
    {
        var id = idNode.Value;
        var context = $"table '{id}'";
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return new TableDraft(idNode, null);
        var before = diagnostics.Count;
        var reader = MappingReader.Fixed(mapping, context, SuiteKeys.Table, diagnostics);

        var name = reader.Required("name", "the table name, without the environment prefix") is { } nameNode
            ? PhysicalName(nameNode, prefix, diagnostics)
            : null;
        var keys = reader.Required("key", "the key attributes, e.g. { pk: S, sk: S }") is { } keyNode
            ? KeySchemaBinder.Bind(keyNode, diagnostics)
            : null;
        var capacity = reader.Optional("capacity") is { } capacityNode
            ? AutoScalingBinder.WithAutoScaling(capacityNode, TableOptionsBinder.WithMaximums(capacityNode, CapacityBinder.Bind(capacityNode, diagnostics), diagnostics), diagnostics)
            : CapacityPlan.OnDemand;
        var indexes = reader.Optional("indexes") is { } indexesNode
            ? IndexBinder.BindAll(indexesNode, keys, capacity, diagnostics)
            : [];
        var warm = reader.Optional("warm") is { } warmNode ? TableOptionsBinder.Warm(warmNode, diagnostics) : null;
        bool keep = reader.Optional("keep") is { } keepNode && OptionReader.Bool(keepNode, $"{context}.keep", diagnostics) == true;

        if (diagnostics.Count > before || name is null || keys is null || capacity is null)
            return new TableDraft(idNode, null) { Indexes = indexes };
        var plan = new TablePlan
        {
            Id = id,
            Name = name,
            PartitionKey = keys[0],
            SortKey = keys.Count > 1 ? keys[1] : null,
            Capacity = capacity,
            Indexes = indexes.Count == 0 ? [] : [.. indexes.Select(i => i.Plan!)],
            Warm = warm,
            Keep = keep,
        };
        return new TableDraft(idNode, plan) { Indexes = indexes };
    }

    /// <summary>The environment prefix plus the name, checked against DynamoDB's naming rules.</summary>
    private static string? PhysicalName(Node node, string prefix, SuiteDiagnostics diagnostics)
    {
        var name = NameRules.Read(node, "name", diagnostics);
        if (name is null)
            return null;
        var physical = prefix + name;
        if (physical.Length is < SuiteValues.MinTableNameLength or > SuiteValues.MaxTableNameLength)
        {
            diagnostics.Add(node, Formatting.Invariant(
                $"name: '{physical}' (with the environment prefix) has {physical.Length} characters; DynamoDB allows {SuiteValues.MinTableNameLength} to {SuiteValues.MaxTableNameLength}"));
            return null;
        }
        return physical;
    }
}
