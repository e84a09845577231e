using LoadLab.Core.Text;
namespace LoadLab.Runner.Suites;

/// <summary>Checks that need more than one section: references between sections and uniqueness.</summary>
internal static class SuiteValidator
{
    public static void Validate(
        IReadOnlyList<TableDraft> tables,
        IReadOnlyList<DataDraft> data,
        IReadOnlyList<ScenarioDraft> scenarios,
        SuiteDiagnostics diagnostics)
    {
        var tableIds = tables.Select(t => t.Id).ToList();
        foreach (var set in data)
            CheckTableReference(set.TableIdNode, "data", tableIds, diagnostics);
        foreach (var scenario in scenarios)
        {
            if (scenario.TableNode is { } table)
                CheckTableReference(table, "table", tableIds, diagnostics);
        }
        CheckUniqueScenarioNames(scenarios, diagnostics);
        CheckUniquePhysicalNames(tables, diagnostics);
        DataDesignChecks.Check(tables, data, diagnostics);
        foreach (var scenario in scenarios)
            CheckWarmup(scenario, diagnostics);
        foreach (var scenario in scenarios)
            OperationChecks.Check(scenario, tables, data, diagnostics);
    }

    private static void CheckTableReference(ScalarNode reference, string what, List<string> tableIds, SuiteDiagnostics diagnostics)
    {
        if (tableIds.Contains(reference.Value))
            return;
        var known = tableIds.Count == 0 ? "none is defined" : "defined: " + string.Join(", ", tableIds);
        diagnostics.Add(reference, $"{what}: unknown table '{reference.Value}'; tables are the keys under 'tables' ({known})."
            + NameSuggestions.DidYouMean(reference.Value, tableIds));
    }

    private static void CheckUniqueScenarioNames(IReadOnlyList<ScenarioDraft> scenarios, SuiteDiagnostics diagnostics)
    {
        // Reports, budgets and comparisons identify a scenario by its name.
        var first = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        foreach (var name in scenarios.Select(s => s.NameNode).OfType<ScalarNode>())
        {
            if (first.TryGetValue(name.Value, out var earlier))
                diagnostics.Add(name, $"name: scenario '{name.Value}' is already defined at line {earlier.Line}; scenario names must be unique");
            else
                first.Add(name.Value, name);
        }
    }

    private static void CheckUniquePhysicalNames(IReadOnlyList<TableDraft> tables, SuiteDiagnostics diagnostics)
    {
        // Two ids on one physical table would seed and measure it twice under different names.
        var first = new Dictionary<string, TableDraft>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (table.Plan is not { } plan)
                continue;
            if (first.TryGetValue(plan.Name, out var earlier))
                diagnostics.Add(table.IdNode, $"table '{table.Id}' has the same name '{plan.Name}' as table '{earlier.Id}'; each table needs its own name");
            else
                first.Add(plan.Name, table);
        }
    }

    private static void CheckWarmup(ScenarioDraft scenario, SuiteDiagnostics diagnostics)
    {
        // Checked before scaling: the same factor applies to both, so the comparison holds after it too.
        if (scenario.WarmupNode is not { } node || scenario.Duration is not { } duration)
            return;
        if (scenario.Warmup >= duration)
        {
            diagnostics.Add(node, $"warmup: {Core.Plans.Formatting.Duration(scenario.Warmup)} must be shorter than the scenario's load, "
                + $"which lasts {Core.Plans.Formatting.Duration(duration)}; otherwise nothing is measured");
        }
    }
}
