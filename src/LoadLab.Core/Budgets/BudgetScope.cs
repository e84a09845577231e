using LoadLab.Core.Results;

namespace LoadLab.Core.Budgets;

/// <summary>The scenarios and operations of a result a budget covers, and their interval timeline.</summary>
internal static class BudgetScope
{
    public static bool Covers(BudgetDefinition budget, string scenario) =>
        budget.Scenario is null || budget.Scenario == scenario;

    public static bool CoversOperation(BudgetDefinition budget, string operation) =>
        budget.Operation is null || budget.Operation == operation;

    public static IReadOnlyList<(ScenarioResult Scenario, IReadOnlyList<OperationResult> Operations)> Select(RunResult result, BudgetDefinition budget) =>
    [
        .. result.Scenarios
            .Where(s => Covers(budget, s.Name))
            .Select(s => (s, (IReadOnlyList<OperationResult>)[.. s.Operations.Where(o => CoversOperation(budget, o.Name))]))
            .Where(pair => pair.Item2.Count > 0),
    ];

    /// <summary>
    /// The covered operations' intervals, one slot per point in time (scenarios close their intervals
    /// together, so points with the same start are the same interval), in time order, warm-up cut off.
    /// </summary>
    public static IReadOnlyList<IntervalSlot> Timeline(RunResult result, BudgetDefinition budget)
    {
        var byStart = new SortedDictionary<long, IntervalSlot>();
        foreach (var (scenario, operations) in Select(result, budget))
        {
            var scenarioPoints = ByStart(scenario.Series, p => p.Start);
            var operationPoints = operations.Select(o => ByStart(o.Series, p => p.Start)).ToList();
            // Operations of one scenario share the interval boundaries of its series.
            var starts = scenarioPoints.Keys.Union(operationPoints.SelectMany(points => points.Keys)).Order();
            foreach (var key in starts)
            {
                scenarioPoints.TryGetValue(key, out var scenarioPoint);
                var opPoints = operationPoints.Select(points => points.GetValueOrDefault(key)).OfType<OperationInterval>().ToList();
                double length = scenarioPoint?.Length ?? opPoints.Max(p => p.Length);
                var slot = IntervalSlot.From(key / 1000.0, length, scenarioPoint, opPoints, scenario.Warmup.Seconds, budget.OkOnly);
                if (slot is null)
                    continue;
                if (byStart.TryGetValue(key, out var existing))
                    existing.Absorb(slot);
                else
                    byStart.Add(key, slot);
            }
        }
        return [.. byStart.Values];
    }

    private static long Key(double seconds) => (long)Math.Round(seconds * 1000);

    // A hand-edited or merged file could repeat a point; the first one wins rather than failing the whole check.
    private static Dictionary<long, T> ByStart<T>(IEnumerable<T> points, Func<T, double> start)
    {
        var byKey = new Dictionary<long, T>();
        foreach (var point in points)
            byKey.TryAdd(Key(start(point)), point);
        return byKey;
    }
}
