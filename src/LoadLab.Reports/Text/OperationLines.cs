using LoadLab.Core.Results;

namespace LoadLab.Reports.Text;

/// <summary>
/// One line of an operations table. The operation's own line carries its counts and the latency of its successful
/// operations (the headline latency); each other outcome that occurred (throttled, conditionFailed, errors) follows on
/// a line of its own with its count and latency, so failures never blend into, or flatter, the headline.
/// </summary>
/// <param name="Outcome">Null for the operation's line; the outcome's name on an outcome line.</param>
public sealed record OperationLine(string Scenario, OperationResult Operation, string? Outcome, long Count, LatencySummary? Latency)
{
    public bool IsOutcome => Outcome is not null;

    /// <summary>"put" or "↳ throttled".</summary>
    public string Label => Outcome is null ? Operation.Name : "↳ " + Outcome;

    public const string Note = "Latency is of successful operations (corrected for coordinated omission: from the intended start); throttled, failed and condition-failed operations have their own ↳ lines. " +
        "Ops/s is completed operations over the measured window (after warm-up, until the last scheduled operation). Throttle events are throttled attempts plus batch items returned unprocessed, retried or not.";

    public static IEnumerable<OperationLine> Of(ScenarioResult scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        foreach (var op in scenario.Operations)
        {
            yield return new OperationLine(scenario.Name, op, null, op.Completed, op.Count("ok") > 0 ? op.OkLatency : null);
            foreach (var (outcome, count) in op.Outcomes.Where(o => o.Key != "ok" && o.Value > 0).OrderByDescending(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal))
                yield return new OperationLine(scenario.Name, op, outcome, count, op.LatencyByOutcome?.GetValueOrDefault(outcome));
        }
    }
}
