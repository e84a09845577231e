using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>An index as bound, with the nodes the data checks point at; <see cref="Plan"/> is null after an error.</summary>
internal sealed record IndexDraft(ScalarNode NameNode, IndexPlan? Plan, Node? PartitionNode, Node? SortNode, Node? ProjectionNode);

/// <summary>
/// Binds a table's <c>indexes: { byStatus: { pk: status, sk: createdAt, projection: ALL } }</c>: global by default,
/// <c>type: local</c> for a local index (the table's partition key, another sort key), keys as attribute names (S
/// unless they are table keys) or <c>{ name: total, type: N }</c>, projection ALL, KEYS_ONLY or a list of attributes.
/// </summary>
internal static class IndexBinder
{
    private const int MinNameLength = 3;
    private const int MaxNameLength = 255;

    public static IReadOnlyList<IndexDraft> BindAll(Node node, IReadOnlyList<KeyAttribute>? tableKeys, CapacityPlan? capacity, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, "indexes", diagnostics);
        if (mapping is null)
            return [];
        var reader = MappingReader.Open(mapping, "indexes", diagnostics);
        var drafts = reader.Entries.Select(e => Bind(e.Key, e.Value, tableKeys, capacity, diagnostics)).ToList();
        IndexLimits.Check(mapping, drafts, tableKeys, diagnostics);
        return drafts;
    }

    private static IndexDraft Bind(ScalarNode nameNode, Node node, IReadOnlyList<KeyAttribute>? tableKeys, CapacityPlan? capacity, SuiteDiagnostics diagnostics)
    {
        var context = $"index '{nameNode.Value}'";
        var before = diagnostics.Count;
        CheckName(nameNode, diagnostics);
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return new IndexDraft(nameNode, null, null, null, null);
        var reader = MappingReader.Fixed(mapping, context, SuiteKeys.Index, diagnostics);

        var kind = reader.Optional("type") is { } typeNode
            ? ScalarReader.Choice(typeNode, $"{context}.type", SuiteValues.IndexTypes, diagnostics) == "local" ? IndexKind.Local : IndexKind.Global
            : IndexKind.Global;
        var tablePartition = tableKeys is { Count: > 0 } ? tableKeys[0] : null;
        var partitionNode = kind == IndexKind.Global
            ? reader.Required("pk", "the index's partition key attribute, e.g. pk: status")
            : reader.Optional("pk");
        var sortNode = kind == IndexKind.Local
            ? reader.Required("sk", "the local index's sort key attribute; its partition key is the table's")
            : reader.Optional("sk");
        var partition = partitionNode is null ? tablePartition : Key(partitionNode, $"{context}.pk", tableKeys, diagnostics);
        var sort = sortNode is null ? null : Key(sortNode, $"{context}.sk", tableKeys, diagnostics);
        if (kind == IndexKind.Local)
            CheckLocal(context, mapping, partitionNode, partition, tablePartition, tableKeys, diagnostics);
        if (partition is not null && sort is not null && partition.Name == sort.Name && sortNode is not null)
            diagnostics.Add(sortNode, $"{context}.sk: '{sort.Name}' is already the partition key; an index's two keys must differ");

        var projectionNode = reader.Optional("projection");
        var (projection, included) = projectionNode is null ? (ProjectionKind.All, []) : Projection(projectionNode, context, diagnostics);
        var indexCapacity = reader.Optional("capacity") is { } capacityNode ? IndexLimits.Capacity(capacityNode, context, kind, capacity, diagnostics) : null;

        if (diagnostics.Count > before || partition is null)
            return new IndexDraft(nameNode, null, partitionNode, sortNode, projectionNode);
        var plan = new IndexPlan
        {
            Name = nameNode.Value,
            Kind = kind,
            PartitionKey = partition,
            SortKey = sort,
            Projection = projection,
            NonKeyAttributes = included,
            Capacity = indexCapacity,
        };
        return new IndexDraft(nameNode, plan, partitionNode, sortNode, projectionNode);
    }

    private static void CheckName(ScalarNode name, SuiteDiagnostics diagnostics)
    {
        if (!NameRules.IsSimple(name.Value) || name.Value.Length is < MinNameLength or > MaxNameLength)
        {
            diagnostics.Add(name, Formatting.Invariant(
                $"indexes: index names are {MinNameLength} to {MaxNameLength} characters of {NameRules.Allowed}, found '{name.Value}'"));
        }
    }

    /// <summary>An attribute name (S, or the table key's type when it is one) or <c>{ name: x, type: N }</c>.</summary>
    private static KeyAttribute? Key(Node node, string what, IReadOnlyList<KeyAttribute>? tableKeys, SuiteDiagnostics diagnostics)
    {
        if (node is MappingNode mapping)
        {
            var reader = MappingReader.Fixed(mapping, what, SuiteKeys.IndexKey, diagnostics);
            var name = reader.Required("name", "the attribute name") is { } n ? AttributeName(n, what, diagnostics) : null;
            var type = reader.Required("type", "S, N or B") is { } t ? ScalarReader.Choice(t, $"{what}.type", SuiteValues.KeyTypes, diagnostics) : null;
            if (name is null || type is null)
                return null;
            if (tableKeys?.FirstOrDefault(k => k.Name == name) is { } tableKey && tableKey.Type != type)
            {
                diagnostics.Add(node, $"{what}: '{name}' is a key of the table, declared {tableKey.Type}; an attribute has one type");
                return null;
            }
            return new KeyAttribute(name, type);
        }

        var attribute = AttributeName(node, what, diagnostics);
        if (attribute is null)
            return null;
        return tableKeys?.FirstOrDefault(k => k.Name == attribute) ?? new KeyAttribute(attribute, "S");
    }

    private static string? AttributeName(Node node, string what, SuiteDiagnostics diagnostics)
    {
        var name = ScalarReader.Text(node, what, diagnostics);
        if (name is not null && System.Text.Encoding.UTF8.GetByteCount(name) > SuiteValues.MaxAttributeNameBytes)
        {
            diagnostics.Add(node, Formatting.Invariant($"{what}: key attribute names are at most {SuiteValues.MaxAttributeNameBytes} bytes"));
            return null;
        }
        return name;
    }

    private static void CheckLocal(
        string context,
        MappingNode mapping,
        Node? partitionNode,
        KeyAttribute? partition,
        KeyAttribute? tablePartition,
        IReadOnlyList<KeyAttribute>? tableKeys,
        SuiteDiagnostics diagnostics)
    {
        if (tableKeys is { Count: 1 })
            diagnostics.Add(mapping, $"{context}: a local index needs a table with a sort key; DynamoDB refuses local indexes on a partition-key-only table");
        if (partitionNode is not null && partition is not null && tablePartition is not null && partition.Name != tablePartition.Name)
            diagnostics.Add(partitionNode, $"{context}.pk: a local index shares the table's partition key '{tablePartition.Name}'; leave pk out or write pk: {tablePartition.Name}");
    }

    private static (ProjectionKind, IReadOnlyList<string>) Projection(Node node, string context, SuiteDiagnostics diagnostics)
    {
        if (node is SequenceNode list)
        {
            var names = new List<string>();
            foreach (var item in list.Items)
            {
                if (ScalarReader.Text(item, $"{context}.projection", diagnostics) is not { } name)
                    continue;
                if (names.Contains(name))
                    diagnostics.Add(item, $"{context}.projection: '{name}' is listed twice");
                else
                    names.Add(name);
            }
            if (list.Items.Count == 0)
                diagnostics.Add(node, $"{context}.projection: list the attributes to include, or write ALL or KEYS_ONLY");
            return (ProjectionKind.Include, names);
        }

        var expected = "ALL, KEYS_ONLY, or a list of attributes to include such as [status, total]";
        if (node is not ScalarNode { IsNull: false } scalar)
        {
            diagnostics.Add(node, $"{context}.projection: expected {expected}, found {node.Found}");
            return (ProjectionKind.All, []);
        }
        if (scalar.Value == "INCLUDE")
        {
            diagnostics.Add(node, $"{context}.projection: INCLUDE is written as the list of attributes to include, e.g. projection: [status, total]");
            return (ProjectionKind.All, []);
        }
        return ScalarReader.Choice(node, $"{context}.projection", SuiteValues.Projections, diagnostics) == "KEYS_ONLY"
            ? (ProjectionKind.KeysOnly, [])
            : (ProjectionKind.All, []);
    }
}
