using System.Text.Json.Nodes;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Metrics;

/// <summary>
/// A run as CloudWatch Embedded Metric Format documents: one per second (interval) per scenario and operation, namespace
/// <see cref="Namespace"/>, dimensions suite/scenario/operation/environment. Follows the EMF specification: the root holds
/// <c>_aws</c> with <c>Timestamp</c> (epoch milliseconds) and <c>CloudWatchMetrics</c> (one directive: Namespace,
/// Dimensions as one dimension set, Metrics with Name and Unit), and every dimension and metric named there is a
/// top-level member of the document — dimension values strings, metric values numbers.
/// </summary>
public static class EmfDocuments
{
    public const string Namespace = "LoadLab";

    /// <summary>The dimension set, in order (<see cref="IntervalMetrics.Dimensions"/>). CloudWatch allows up to 30 dimensions per set.</summary>
    public static IReadOnlyList<string> Dimensions => IntervalMetrics.Dimensions;

    /// <summary>Every metric a document can carry, with its CloudWatch unit, in the order they are written (<see cref="IntervalMetrics.All"/>).</summary>
    public static readonly IReadOnlyList<(string Name, string Unit)> Metrics = [.. IntervalMetrics.All.Select(m => (m.Name, m.CloudWatchUnit))];

    /// <summary>One document per interval of every operation of every scenario, ordered by time, then scenario and operation.</summary>
    public static IEnumerable<JsonObject> For(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var points =
            from scenario in result.Scenarios
            from operation in scenario.Operations
            from interval in operation.Series
            select (scenario.Name, Operation: operation.Name, Interval: interval);
        // OrderBy is stable: scenarios and operations keep the result's order within one second.
        foreach (var (scenario, operation, interval) in points.OrderBy(p => p.Interval.Start))
            yield return Document(result.Run, scenario, operation, interval);
    }

    internal static JsonObject Document(RunInfo run, string scenario, string operation, OperationInterval interval)
    {
        var values = Values(interval);
        var document = new JsonObject
        {
            ["_aws"] = new JsonObject
            {
                // The interval's start: CloudWatch files the values under the second they describe.
                ["Timestamp"] = run.StartedAt.AddSeconds(interval.Start).ToUnixTimeMilliseconds(),
                ["CloudWatchMetrics"] = new JsonArray(new JsonObject
                {
                    ["Namespace"] = Namespace,
                    ["Dimensions"] = new JsonArray(new JsonArray([.. Dimensions.Select(d => (JsonNode)JsonValue.Create(d))])),
                    ["Metrics"] = new JsonArray([.. values.Select(v => (JsonNode)new JsonObject { ["Name"] = v.Name, ["Unit"] = v.Unit })]),
                }),
            },
            ["suite"] = run.Suite,
            ["scenario"] = scenario,
            ["operation"] = operation,
            ["environment"] = run.Environment,
        };
        foreach (var (name, _, value) in values)
            document[name] = value;
        // Not metrics, but worth having in the log event: which run and which variant these figures belong to.
        document["runId"] = run.RunId;
        if (run.Variant is { } variant)
            document["variant"] = variant;
        return document;
    }

    /// <summary>The metrics this interval has values for (<see cref="IntervalMetrics.Value"/> says which and why).</summary>
    private static List<(string Name, string Unit, double Value)> Values(OperationInterval interval) =>
        [.. IntervalMetrics.All.Select(m => (m.Name, m.CloudWatchUnit, Value: IntervalMetrics.Value(m, interval))).Where(v => v.Value is not null).Select(v => (v.Name, v.CloudWatchUnit, v.Value!.Value))];
}
