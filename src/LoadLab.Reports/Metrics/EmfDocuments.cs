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

    /// <summary>The dimension set, in order. CloudWatch allows up to 30 dimensions per set.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["suite", "scenario", "operation", "environment"];

    /// <summary>Every metric a document can carry, with its CloudWatch unit, in the order they are written.</summary>
    public static readonly IReadOnlyList<(string Name, string Unit)> Metrics =
    [
        ("operations", "Count"),
        ("ok", "Count"),
        ("throttled", "Count"),
        ("errors", "Count"),
        ("okP50", "Milliseconds"),
        ("okP99", "Milliseconds"),
        ("consumedReadUnits", "Count"),
        ("consumedWriteUnits", "Count"),
    ];

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

    /// <summary>
    /// The metrics this interval has values for. The ok percentiles are left out of a second without ok operations (no
    /// latency to report is not zero latency), and of results written before intervals carried them, unless every
    /// operation of the second was ok, when the all-outcome percentiles are the same thing. Units likewise.
    /// </summary>
    private static List<(string Name, string Unit, double Value)> Values(OperationInterval interval)
    {
        double? okP50 = interval.OkP50Ms ?? (interval.Ok > 0 && interval.Ok == interval.Completed ? interval.P50Ms : null);
        double? okP99 = interval.OkP99Ms ?? (interval.Ok > 0 && interval.Ok == interval.Completed ? interval.P99Ms : null);
        var byName = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["operations"] = interval.Completed,
            ["ok"] = interval.Ok,
            ["throttled"] = interval.Throttled,
            ["errors"] = interval.Errors,
            ["okP50"] = okP50,
            ["okP99"] = okP99,
            ["consumedReadUnits"] = interval.ReadUnits,
            ["consumedWriteUnits"] = interval.WriteUnits,
        };
        return [.. Metrics.Where(m => byName[m.Name] is not null).Select(m => (m.Name, m.Unit, byName[m.Name]!.Value))];
    }
}
