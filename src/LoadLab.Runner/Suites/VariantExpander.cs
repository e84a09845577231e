using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>
/// Turns each variant into a whole plan: the suite's tree with the variant's nodes put in place of
/// the ones they replace, bound again by <see cref="SuiteBinder"/> so every check of the suite
/// format applies to the variant too (a key template against the model, a key type against a
/// template). The variant's tables get its name as a suffix, under the same environment prefix.
/// </summary>
internal static class VariantExpander
{
    public static RunPlan Expand(RunPlan plan, MappingNode root, IReadOnlyList<VariantDraft> variants, SuiteLoadOptions options, SuiteDiagnostics diagnostics)
    {
        var plans = new List<VariantPlan>(variants.Count);
        foreach (var variant in variants)
        {
            // Errors found while binding the merged tree point into the variant or the suite; the prefix says which variant.
            var own = new SuiteDiagnostics(diagnostics.File);
            var bound = SuiteBinder.Bind(Merge(root, variant), options, own);
            foreach (var error in own.Sorted())
                diagnostics.Add(error.Line, error.Column, $"variant '{variant.Name}': {error.Message}");
            if (bound is null || own.HasErrors || Renamed(bound, variant, diagnostics) is not { } tables)
                continue;
            var variantPlan = bound with { RunId = $"{plan.RunId}-{variant.Name}", Variant = variant.Name, Tables = tables };
            plans.Add(new VariantPlan(variant.Name, [.. variant.Overrides.Select(o => o.Describe())], variantPlan));
        }
        return plan with { Variants = plans };
    }

    private static IReadOnlyList<TablePlan>? Renamed(RunPlan plan, VariantDraft variant, SuiteDiagnostics diagnostics)
    {
        var tables = plan.Tables.Select(t => t with { Name = $"{t.Name}-{variant.Name}" }).ToList();
        if (tables.FirstOrDefault(t => t.Name.Length > SuiteValues.MaxTableNameLength) is { } tooLong)
        {
            diagnostics.Add(variant.NameNode, Formatting.Invariant(
                $"variant '{variant.Name}': the table name '{tooLong.Name}' would have {tooLong.Name.Length} characters; DynamoDB allows {SuiteValues.MaxTableNameLength}: use a shorter variant name"));
            return null;
        }
        return tables;
    }

    /// <summary>The suite without <c>variants:</c>, with the variant's values in place.</summary>
    private static MappingNode Merge(MappingNode root, VariantDraft variant)
    {
        var entries = new List<MappingEntry>();
        foreach (var entry in root.Entries)
        {
            if (entry.Key is ScalarNode { Value: "variants" })
                continue;
            var section = (entry.Key as ScalarNode)?.Value;
            var changes = variant.Overrides.Where(o => o.Section == section).ToList();
            entries.Add(changes.Count == 0 || entry.Value is not MappingNode mapping
                ? entry
                : entry with { Value = MergeSection(mapping, changes) });
        }
        return root with { Entries = entries };
    }

    private static MappingNode MergeSection(MappingNode section, IReadOnlyList<VariantOverride> changes)
    {
        var entries = section.Entries.Select(entry =>
        {
            var id = (entry.Key as ScalarNode)?.Value;
            var mine = changes.Where(c => c.Id == id).ToList();
            return mine.Count == 0 || entry.Value is not MappingNode item ? entry : entry with { Value = Replace(item, mine) };
        });
        return section with { Entries = [.. entries] };
    }

    private static MappingNode Replace(MappingNode item, IReadOnlyList<VariantOverride> changes)
    {
        var entries = item.Entries
            .Select(e => changes.FirstOrDefault(c => e.Key is ScalarNode k && k.Value == c.Key.Value) is { } change ? new MappingEntry(change.Key, change.Value) : e)
            .ToList();
        // A key the suite left to its default (e.g. no capacity: on demand) is added.
        foreach (var change in changes.Where(c => !item.Entries.Any(e => e.Key is ScalarNode k && k.Value == c.Key.Value)))
            entries.Add(new MappingEntry(change.Key, change.Value));
        // "sk: ~" in a variant removes the suite's value, e.g. the sort-key template of a table the variant gives no sort key.
        entries.RemoveAll(e => e.Value is ScalarNode { IsNull: true } && changes.Any(c => ReferenceEquals(c.Value, e.Value)));
        return item with { Entries = entries };
    }
}
