using LoadLab.Core.Text;
using LoadLab.Core.Budgets;
using LoadLab.Core.Plans;

namespace LoadLab.Runner.Suites;

/// <summary>A budget as bound: its scenario and operation references with their positions, and the definition when it had no error.</summary>
internal sealed record BudgetDraft(ScalarNode? ScenarioNode, ScalarNode? OperationNode, BudgetDefinition? Definition);

/// <summary>
/// Binds <c>budgets:</c>, a list of one-metric limits such as <c>{ scenario: browse, op: get, p99: 25ms }</c>.
/// References to scenarios and operations are checked by <see cref="BudgetReferences"/> once scenarios are bound.
/// </summary>
internal static class BudgetBinder
{
    private const string MetricList = "p50 … p99.99 (any percentile), max, throughput, minThroughput, throttled or errors";
    private const string AllowedKeys = "scenario, op, p50 … p99.99 (any percentile), max, throughput, minThroughput, throttled, errors, window, abortAfter, outcome";

    public static IReadOnlyList<BudgetDraft> BindAll(Node node, SuiteDiagnostics diagnostics)
    {
        var sequence = ScalarReader.Sequence(node, "budgets", diagnostics);
        if (sequence is null)
            return [];
        return [.. sequence.Items.Select((item, index) => Bind(item, Formatting.Invariant($"budget {index + 1}"), diagnostics)).OfType<BudgetDraft>()];
    }

    private static BudgetDraft? Bind(Node node, string context, SuiteDiagnostics diagnostics)
    {
        var mapping = ScalarReader.Mapping(node, context, diagnostics);
        if (mapping is null)
            return null;
        var before = diagnostics.Count;
        var reader = MappingReader.Open(mapping, context, diagnostics);
        var metrics = new List<(ScalarNode Key, Node Value)>();
        bool unknownKeys = false;
        foreach (var (key, value) in reader.Entries)
        {
            if (BudgetLimits.IsMetricKey(key.Value))
                metrics.Add((key, value));
            else if (!SuiteKeys.Budget.Contains(key.Value))
            {
                diagnostics.Add(key, $"unknown key '{key.Value}' in {context}; allowed: {AllowedKeys}."
                    + NameSuggestions.DidYouMean(key.Value, SuiteKeys.Budget));
                unknownKeys = true;
            }
        }

        var scenarioNode = reader.Optional("scenario");
        var scenario = scenarioNode is null ? null : ScalarReader.Text(scenarioNode, "scenario", diagnostics);
        var operationNode = reader.Optional("op");
        var operation = operationNode is null ? null : ScalarReader.Text(operationNode, "op", diagnostics);
        var window = reader.Optional("window") is { } w ? Window(w, diagnostics) : null;
        var abortAfter = reader.Optional("abortAfter") is { } a ? ScalarReader.Duration(a, "abortAfter", positive: false, diagnostics) : null;
        var outcomeNode = reader.Optional("outcome");
        var outcome = outcomeNode is null ? null : ScalarReader.Text(outcomeNode, "outcome", diagnostics);

        BudgetDefinition? metric = null;
        if (metrics.Count == 0 && !unknownKeys)
            diagnostics.Add(mapping, $"{context} has no metric; add one of {MetricList}, e.g. {{ scenario: browse, p99: 25ms }}");
        else if (metrics.Count > 1)
            diagnostics.Add(metrics[1].Key, $"{context} has both '{metrics[0].Key.Value}' and '{metrics[1].Key.Value}'; "
                + "a budget checks one metric, so make them separate list items");
        else if (metrics.Count == 1)
            metric = BudgetLimits.Read(metrics[0].Key, metrics[0].Value, diagnostics);
        // Only latency can be limited to successful operations; rates and throughput already count outcomes.
        if (outcome is not null && outcomeNode is not null && (outcome != BudgetDefinition.OkOutcome || metric is { Unit: not "ms" }))
            diagnostics.Add(outcomeNode, $"outcome: '{outcome}' is not allowed here; a latency budget (p50 … max) may name outcome: ok to check successful operations only");

        BudgetDefinition? definition = null;
        if (diagnostics.Count == before && metric is not null)
            definition = metric with { Scenario = scenario, Operation = operation, Window = window, AbortAfter = abortAfter, Outcome = outcome };
        return new BudgetDraft(
            scenario is null ? null : scenarioNode as ScalarNode,
            operation is null ? null : operationNode as ScalarNode,
            definition);
    }

    private static TimeSpan? Window(Node node, SuiteDiagnostics diagnostics)
    {
        var window = ScalarReader.Duration(node, "window", positive: true, diagnostics);
        // Windows are built from whole statistics intervals; a shorter one would silently mean one interval.
        if (window is { } w && w < SuiteValues.MinBudgetWindow)
        {
            diagnostics.Add(node, $"window: must be at least {Formatting.Duration(SuiteValues.MinBudgetWindow)}, the length of one statistics interval, found '{Formatting.Duration(w)}'");
            return null;
        }
        return window;
    }
}
