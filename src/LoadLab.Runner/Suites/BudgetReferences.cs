using LoadLab.Core.Text;
namespace LoadLab.Runner.Suites;

/// <summary>Checks that every budget names a scenario of the suite and an operation that scenario (or any, without one) runs.</summary>
internal static class BudgetReferences
{
    public static void Check(IReadOnlyList<BudgetDraft> budgets, IReadOnlyList<ScenarioDraft> scenarios, SuiteDiagnostics diagnostics)
    {
        var names = scenarios.Select(s => s.NameNode?.Value).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var budget in budgets)
        {
            ScenarioDraft? scenario = null;
            if (budget.ScenarioNode is { } scenarioNode)
            {
                scenario = scenarios.FirstOrDefault(s => s.NameNode?.Value == scenarioNode.Value);
                if (scenario is null)
                {
                    var known = names.Count == 0 ? "none is defined" : "defined: " + string.Join(", ", names);
                    diagnostics.Add(scenarioNode, $"scenario: unknown scenario '{scenarioNode.Value}' ({known})."
                        + NameSuggestions.DidYouMean(scenarioNode.Value, names));
                    continue;
                }
            }
            if (budget.OperationNode is { } operationNode)
                CheckOperation(operationNode, scenario, scenarios, diagnostics);
        }
    }

    private static void CheckOperation(ScalarNode operation, ScenarioDraft? scenario, IReadOnlyList<ScenarioDraft> scenarios, SuiteDiagnostics diagnostics)
    {
        // A scenario with its own errors has no mix to check against; its errors are already reported.
        var inScope = scenario is null ? scenarios : [scenario];
        if (inScope.Any(s => s.Plan is null))
            return;
        var operations = inScope.SelectMany(s => s.Plan!.Mix.Select(m => m.Operation)).Distinct(StringComparer.Ordinal).ToList();
        if (operations.Contains(operation.Value))
            return;
        var listed = string.Join(", ", operations);
        var message = scenario is null
            ? $"op: no scenario runs '{operation.Value}'; the scenarios run: {listed}."
            : $"op: scenario '{scenario.NameNode!.Value}' does not run '{operation.Value}'; its mix has: {listed}.";
        diagnostics.Add(operation, message + NameSuggestions.DidYouMean(operation.Value, operations));
    }
}
