using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>An index's own capacity, and the limits DynamoDB puts on a table's indexes together.</summary>
internal static class IndexLimits
{
    /// <summary>
    /// A global index's <c>capacity:</c>: <c>{ read, write }</c> (and <c>autoScaling</c>) on a provisioned table,
    /// <c>{ maxRead, maxWrite }</c> on an on-demand one; null without reporting when the table's own capacity already failed.
    /// </summary>
    public static CapacityPlan? Capacity(Node node, string context, IndexKind kind, CapacityPlan? table, SuiteDiagnostics diagnostics)
    {
        var what = $"{context}.capacity";
        var mapping = ScalarReader.Mapping(node, what, diagnostics);
        if (mapping is null)
            return null;
        var reader = MappingReader.Fixed(mapping, what, SuiteKeys.IndexCapacity, diagnostics);
        if (kind == IndexKind.Local)
        {
            diagnostics.Add(node, $"{what}: a local index uses the table's capacity; only global indexes have their own");
            return null;
        }
        if (table is null)
            return null;
        if (table.Mode == CapacityMode.Provisioned)
        {
            Refuse(reader, what, ["maxRead", "maxWrite"], "on-demand tables; this table is provisioned", diagnostics);
            var read = reader.Required("read", "read capacity units of the index, at least 1") is { } r ? ScalarReader.Long(r, $"{what}.read", 1, long.MaxValue, diagnostics) : null;
            var write = reader.Required("write", "write capacity units of the index, at least 1") is { } w ? ScalarReader.Long(w, $"{what}.write", 1, long.MaxValue, diagnostics) : null;
            var units = read is null || write is null ? null : new CapacityPlan(CapacityMode.Provisioned, read.Value, write.Value);
            return AutoScalingBinder.WithAutoScaling(node, units, diagnostics, what);
        }

        Refuse(reader, what, ["read", "write", "autoScaling"], "provisioned tables; this table is on-demand (use maxRead / maxWrite for a ceiling)", diagnostics);
        var maxRead = reader.Optional("maxRead") is { } mr ? ScalarReader.Long(mr, $"{what}.maxRead", 1, long.MaxValue, diagnostics) : null;
        var maxWrite = reader.Optional("maxWrite") is { } mw ? ScalarReader.Long(mw, $"{what}.maxWrite", 1, long.MaxValue, diagnostics) : null;
        return new CapacityPlan(CapacityMode.OnDemand) { MaxReadUnits = maxRead, MaxWriteUnits = maxWrite };
    }

    private static void Refuse(MappingReader reader, string what, string[] keys, string reason, SuiteDiagnostics diagnostics)
    {
        foreach (var key in keys)
        {
            if (reader.KeyNode(key) is { } keyNode)
                diagnostics.Add(keyNode, $"{what}.{key}: only allowed for {reason}");
        }
    }

    /// <summary>Index counts, projected attributes, and one type per key attribute across the table and its indexes.</summary>
    public static void Check(MappingNode mapping, List<IndexDraft> drafts, IReadOnlyList<KeyAttribute>? tableKeys, SuiteDiagnostics diagnostics)
    {
        var plans = drafts.Select(d => d.Plan).OfType<IndexPlan>().ToList();
        int globals = plans.Count(p => p.Kind == IndexKind.Global), locals = plans.Count - globals;
        if (globals > SuiteValues.MaxGlobalIndexes)
            diagnostics.Add(mapping, Formatting.Invariant($"indexes: {globals} global indexes; DynamoDB allows {SuiteValues.MaxGlobalIndexes} per table"));
        if (locals > SuiteValues.MaxLocalIndexes)
            diagnostics.Add(mapping, Formatting.Invariant($"indexes: {locals} local indexes; DynamoDB allows {SuiteValues.MaxLocalIndexes} per table"));
        int projected = plans.Sum(p => p.NonKeyAttributes.Count);
        if (projected > SuiteValues.MaxProjectedAttributes)
            diagnostics.Add(mapping, Formatting.Invariant($"indexes: {projected} projected attributes over all indexes; DynamoDB allows {SuiteValues.MaxProjectedAttributes}"));

        // Every key attribute gets one AttributeDefinition, so one name cannot be S in one index and N in another.
        var types = (tableKeys ?? []).ToDictionary(k => k.Name, k => k.Type, StringComparer.Ordinal);
        foreach (var draft in drafts.Where(d => d.Plan is not null))
        {
            foreach (var (key, node) in new[] { (draft.Plan!.PartitionKey, draft.PartitionNode), (draft.Plan.SortKey, draft.SortNode) })
            {
                if (key is null || node is null)
                    continue;
                if (types.TryGetValue(key.Name, out var type) && type != key.Type)
                    diagnostics.Add(node, $"index '{draft.Plan.Name}': '{key.Name}' is {key.Type} here but {type} elsewhere in this table; an attribute has one type");
                else
                    types[key.Name] = key.Type;
            }
        }
    }
}
