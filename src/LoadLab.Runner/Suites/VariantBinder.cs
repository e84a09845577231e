using LoadLab.Core.Text;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Binds <c>variants:</c>. A variant may change only what keeps the runs comparable: a table's
/// capacity and key design, and a data set's key templates. Data, scenarios and budgets stay the
/// same for every variant, so any difference in the results comes from the change.
/// </summary>
/// <example>
/// <code>
/// variants:
///   - name: provisioned                                   # the suite as written
///   - { name: on-demand, capacity: { mode: on-demand } }  # shorthand for a suite with one table
///   - name: sharded
///     tables: { orders: { key: { pk: S } } }
///     data: { orders: { pk: "{tenantId}#{shard(10)}" } }
/// </code>
/// </example>
internal static class VariantBinder
{
    public const int MaxVariants = 10;

    /// <summary>What each part of a variant may change; also the message when something else is tried.</summary>
    private const string WhatCanChange =
        "a variant can change only a table's capacity, warm, key and indexes (tables: { ID: { capacity: … } }) and a data set's pk, sk and templates (data: { ID: { pk: … } }); data, scenarios and budgets stay the same so the variants compare";

    public static IReadOnlyList<VariantDraft> BindAll(Node node, IReadOnlyList<string> tableIds, IReadOnlyList<string> dataIds, SuiteDiagnostics diagnostics)
    {
        var sequence = ScalarReader.Sequence(node, "variants", diagnostics);
        if (sequence is null)
            return [];
        if (sequence.Items.Count < 2)
            diagnostics.Add(sequence, "variants: list at least two variants to compare, e.g. '- { name: provisioned }' and '- { name: on-demand, capacity: { mode: on-demand } }'");
        if (sequence.Items.Count > MaxVariants)
            diagnostics.Add(sequence, Formatting.Invariant($"variants: at most {MaxVariants} variants, found {sequence.Items.Count}; each runs in turn, so split the comparison into several suites"));

        var drafts = new List<VariantDraft>();
        var names = new Dictionary<string, ScalarNode>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (Bind(sequence.Items[i], i + 1, tableIds, dataIds, diagnostics) is not { } draft)
                continue;
            // Case-insensitive: the names become folder names, and some file systems ignore case.
            if (names.TryGetValue(draft.Name, out var first))
            {
                diagnostics.Add(draft.NameNode, $"variants: the name '{draft.Name}' is already used (line {first.Line}, column {first.Column}); each variant needs its own name");
                continue;
            }
            names.Add(draft.Name, draft.NameNode);
            drafts.Add(draft);
        }
        return drafts;
    }

    private static VariantDraft? Bind(Node node, int number, IReadOnlyList<string> tableIds, IReadOnlyList<string> dataIds, SuiteDiagnostics diagnostics)
    {
        var context = Formatting.Invariant($"variant {number}");
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Open(mapping, context, diagnostics);
        foreach (var (key, _) in reader.Entries.Where(e => !SuiteKeys.Variant.Contains(e.Key.Value)))
        {
            diagnostics.Add(key, $"unknown key '{key.Value}' in {context}; allowed: {string.Join(", ", SuiteKeys.Variant)} ({WhatCanChange})."
                + NameSuggestions.DidYouMean(key.Value, SuiteKeys.Variant));
        }
        var nameNode = reader.Required("name", $"the variant's name: {NameRules.Allowed}; it suffixes the table names and names the report folder");
        string? name = nameNode is null ? null : NameRules.Read(nameNode, "name", diagnostics);
        if (name is not null)
            context = $"variant '{name}'";
        if (reader.Optional("description") is { } description)
            ScalarReader.Text(description, "description", diagnostics);

        var overrides = new List<VariantOverride>();
        if (reader.Optional("capacity") is { } capacity)
        {
            // The shorthand needs exactly one table to know which it means.
            if (tableIds.Count == 1)
                overrides.Add(new VariantOverride("tables", tableIds[0], (ScalarNode)reader.KeyNode("capacity")!, capacity));
            else
                diagnostics.Add(reader.KeyNode("capacity")!, $"{context}: 'capacity' alone is for a suite with one table; this one has {tableIds.Count}: write tables: {{ {string.Join(" | ", tableIds)}: {{ capacity: … }} }}");
        }
        if (reader.Optional("tables") is { } tables)
            overrides.AddRange(Section(tables, "tables", context, tableIds, SuiteKeys.VariantTable, diagnostics));
        if (reader.Optional("data") is { } data)
            overrides.AddRange(Section(data, "data", context, dataIds, SuiteKeys.VariantData, diagnostics));
        CheckOverlaps(overrides, context, diagnostics);

        return diagnostics.Count > before || name is null ? null : new VariantDraft((ScalarNode)nameNode!, overrides);
    }

    private static IEnumerable<VariantOverride> Section(Node node, string section, string context, IReadOnlyList<string> ids, IReadOnlyList<string> allowed, SuiteDiagnostics diagnostics)
    {
        var what = $"{context} {section}";
        var mapping = ScalarReader.Mapping(node, what, diagnostics);
        if (mapping is null)
            yield break;
        foreach (var (idNode, value) in MappingReader.Open(mapping, what, diagnostics).Entries)
        {
            if (!ids.Contains(idNode.Value))
            {
                var known = ids.Count == 0 ? $"the suite has no {section}" : $"the suite's {section}: {string.Join(", ", ids)}";
                diagnostics.Add(idNode, $"{what}: unknown id '{idNode.Value}'; a variant changes {known}." + NameSuggestions.DidYouMean(idNode.Value, ids));
                continue;
            }
            var itemWhat = $"{what} '{idNode.Value}'";
            if (ScalarReader.Mapping(value, itemWhat, diagnostics) is not { } item)
                continue;
            var reader = MappingReader.Open(item, itemWhat, diagnostics);
            foreach (var (key, replacement) in reader.Entries)
            {
                if (allowed.Contains(key.Value))
                {
                    yield return new VariantOverride(section, idNode.Value, key, replacement);
                    continue;
                }
                diagnostics.Add(key, $"{itemWhat}: '{key.Value}' cannot change in a variant; allowed here: {string.Join(", ", allowed)} ({WhatCanChange})."
                    + NameSuggestions.DidYouMean(key.Value, allowed));
            }
        }
    }

    // The shorthand and tables: { id: { capacity } } both set one table's capacity: which would win is unclear.
    private static void CheckOverlaps(List<VariantOverride> overrides, string context, SuiteDiagnostics diagnostics)
    {
        foreach (var group in overrides.GroupBy(o => (o.Section, o.Id, o.Key.Value)).Where(g => g.Count() > 1))
        {
            var first = group.First().Key;
            foreach (var repeated in group.Skip(1))
                diagnostics.Add(repeated.Key, $"{context}: {group.Key.Id}.{group.Key.Item3} is already changed at line {first.Line}, column {first.Column}; change it once");
        }
    }
}
