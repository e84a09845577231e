using System.Text.Json.Nodes;
using LoadLab.Core.Plans;
using LoadLab.Reports.Metrics;

namespace LoadLab.Reports.CloudWatch;

/// <summary>
/// A CloudWatch dashboard body (for <c>aws cloudwatch put-dashboard --dashboard-body</c>) for a suite in one environment:
/// per table and global index, consumed against provisioned units, throttling (requests and events by reason); per
/// table, SuccessfulRequestLatency of the operations the suite sends, the items Query and Scan return, and LoadLab's own
/// EMF metrics (namespace LoadLab) of the scenarios on it beside them. Built from the plan alone: it contacts no AWS service.
/// </summary>
public static class DashboardBody
{
    private const int Width = 8;
    private const int Height = 6;

    /// <summary>DynamoDB publishes one-minute data; a finer period would only show gaps.</summary>
    private const int Period = 60;

    /// <param name="plan">The suite resolved for the environment (physical table names); variants' tables are included.</param>
    /// <param name="region">The region the tables live in; every widget names it.</param>
    public static JsonObject Build(RunPlan plan, string region)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var widgets = new JsonArray();
        int y = 0;
        widgets.Add(Text(plan, region, y));
        y += 2;

        foreach (var (runPlan, table) in Tables(plan))
        {
            var scenarios = runPlan.Scenarios.Where(s => s.TableId == table.Id).ToList();
            var kinds = scenarios.SelectMany(s => s.Mix.Select(m => m.Kind)).Distinct().Order().ToList();
            string[] dims = ["TableName", table.Name];
            bool provisioned = table.Capacity.Mode == CapacityMode.Provisioned;

            var row = new List<JsonObject>
            {
                Units($"{table.Name}: read units", region, dims, "Read", provisioned),
                Units($"{table.Name}: write units", region, dims, "Write", provisioned),
                Throttling($"{table.Name}: throttling", region, dims, kinds),
                Metric($"{table.Name}: SuccessfulRequestLatency p99 by operation", region, "p99",
                    [.. kinds.Select(k => Series(DynamoDbMetricNames.Namespace, "SuccessfulRequestLatency", ["TableName", table.Name, "Operation", DynamoDbMetricNames.Operation(k)], null))]),
            };
            var reads = kinds.Where(k => k is OperationKind.Query or OperationKind.Scan).ToList();
            if (reads.Count > 0)
            {
                row.Add(Metric($"{table.Name}: items returned by Query and Scan", region, "Sum",
                    [.. reads.Select(k => Series(DynamoDbMetricNames.Namespace, "ReturnedItemCount", ["TableName", table.Name, "Operation", DynamoDbMetricNames.Operation(k)], null))]));
            }

            row.Add(LoadLabLatency($"{table.Name}: LoadLab ok p99 (EMF)", region, runPlan, scenarios));
            row.Add(LoadLabOutcomes($"{table.Name}: LoadLab throttled and errors (EMF)", region, runPlan, scenarios));
            y = Place(widgets, row, y);

            // Global indexes have capacity and throttling of their own; local ones share the table's, shown above.
            foreach (var index in table.Indexes.Where(i => i.Kind == IndexKind.Global))
            {
                string[] indexDims = ["TableName", table.Name, "GlobalSecondaryIndexName", index.Name];
                bool indexProvisioned = provisioned;
                y = Place(widgets,
                [
                    Units($"{table.Name} / {index.Name}: read units", region, indexDims, "Read", indexProvisioned),
                    Units($"{table.Name} / {index.Name}: write units", region, indexDims, "Write", indexProvisioned),
                    Throttling($"{table.Name} / {index.Name}: throttle events", region, indexDims, []),
                ], y);
            }
        }

        return new JsonObject { ["widgets"] = widgets };
    }

    /// <summary>Every physical table of the suite and of its variants (each variant has tables of its own), once.</summary>
    private static IEnumerable<(RunPlan Plan, TablePlan Table)> Tables(RunPlan plan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IEnumerable<RunPlan> plans = plan.Variants.Count == 0 ? [plan] : plan.Variants.Select(v => v.Plan);
        foreach (var p in plans)
        {
            foreach (var table in p.Tables)
            {
                if (seen.Add(table.Name))
                    yield return (p, table);
            }
        }
    }

    private static int Place(JsonArray widgets, IReadOnlyList<JsonObject> row, int y)
    {
        for (int i = 0; i < row.Count; i++)
        {
            // Three widgets per line on CloudWatch's 24-column grid.
            row[i]["x"] = i % 3 * Width;
            row[i]["y"] = y + i / 3 * Height;
            widgets.Add(row[i]);
        }

        return y + (row.Count + 2) / 3 * Height;
    }

    private static JsonObject Text(RunPlan plan, string region, int y)
    {
        string tables = string.Join(", ", Tables(plan).Select(t => "`" + t.Table.Name + "`"));
        return new JsonObject
        {
            ["type"] = "text",
            ["x"] = 0,
            ["y"] = y,
            ["width"] = 24,
            ["height"] = 2,
            ["properties"] = new JsonObject
            {
                ["markdown"] = $"## LoadLab suite {plan.SuiteName}, environment {plan.Environment}\nTables {tables} in {region}. " +
                    $"DynamoDB's metrics (AWS/DynamoDB, one-minute data) beside LoadLab's own (namespace {EmfDocuments.Namespace}, from `loadlab run --metrics emf`).",
            },
        };
    }

    /// <summary>Consumed units per second (the Sum over a period divided by its length) against provisioned ones.</summary>
    private static JsonObject Units(string title, string region, string[] dims, string readOrWrite, bool provisioned)
    {
        var metrics = new JsonArray
        {
            Series(DynamoDbMetricNames.Namespace, $"Consumed{readOrWrite}CapacityUnits", dims, new JsonObject { ["id"] = "m1", ["stat"] = "Sum", ["visible"] = false }),
            new JsonArray(new JsonObject { ["expression"] = "m1/PERIOD(m1)", ["label"] = $"consumed {readOrWrite.ToLowerInvariant()} units/s", ["id"] = "e1" }),
        };
        // On-demand tables publish no provisioned units: the line would stay empty.
        if (provisioned)
            metrics.Add(Series(DynamoDbMetricNames.Namespace, $"Provisioned{readOrWrite}CapacityUnits", dims, new JsonObject { ["stat"] = "Average", ["label"] = $"provisioned {readOrWrite.ToLowerInvariant()} units/s" }));
        return Widget(title, region, "Sum", metrics);
    }

    private static JsonObject Throttling(string title, string region, string[] dims, IReadOnlyList<OperationKind> kinds)
    {
        var metrics = new JsonArray();
        // ThrottledRequests counts a request once however many of its events were throttled; it has an Operation dimension.
        foreach (var kind in kinds)
            metrics.Add(Series(DynamoDbMetricNames.Namespace, "ThrottledRequests", [dims[0], dims[1], "Operation", DynamoDbMetricNames.Operation(kind)], null));
        foreach (string name in (string[])["ReadThrottleEvents", "WriteThrottleEvents", .. DynamoDbMetricNames.ThrottleEventsByReason])
            metrics.Add(Series(DynamoDbMetricNames.Namespace, name, dims, null));
        return Widget(title, region, "Sum", metrics);
    }

    private static JsonObject LoadLabLatency(string title, string region, RunPlan plan, IReadOnlyList<ScenarioPlan> scenarios) =>
        Metric(title, region, "Maximum",
            [.. LoadLabSeries(plan, scenarios).Select(d => Series(EmfDocuments.Namespace, "okP99", d, null))]);

    private static JsonObject LoadLabOutcomes(string title, string region, RunPlan plan, IReadOnlyList<ScenarioPlan> scenarios) =>
        Metric(title, region, "Sum",
            [.. LoadLabSeries(plan, scenarios).SelectMany(d => new[] { Series(EmfDocuments.Namespace, "throttled", d, null), Series(EmfDocuments.Namespace, "errors", d, null) })]);

    /// <summary>The EMF dimension values of every scenario and operation, in <see cref="EmfDocuments.Dimensions"/> order.</summary>
    private static IEnumerable<string[]> LoadLabSeries(RunPlan plan, IReadOnlyList<ScenarioPlan> scenarios) =>
        from scenario in scenarios
        from operation in scenario.Mix.Select(m => m.Operation).Distinct()
        select new[] { "suite", plan.SuiteName, "scenario", scenario.Name, "operation", operation, "environment", plan.Environment };

    private static JsonObject Metric(string title, string region, string stat, JsonNode[] metrics) => Widget(title, region, stat, new JsonArray(metrics));

    private static JsonObject Widget(string title, string region, string stat, JsonArray metrics) => new()
    {
        ["type"] = "metric",
        ["width"] = Width,
        ["height"] = Height,
        ["properties"] = new JsonObject
        {
            ["title"] = title,
            ["region"] = region,
            ["view"] = "timeSeries",
            ["stacked"] = false,
            ["stat"] = stat,
            ["period"] = Period,
            ["metrics"] = metrics,
        },
    };

    /// <summary>One metrics-array row: namespace, metric name, dimension name/value pairs, then the rendering options.</summary>
    private static JsonArray Series(string ns, string name, string[] dimensions, JsonObject? options)
    {
        var row = new JsonArray(ns, name);
        foreach (string part in dimensions)
            row.Add(part);
        if (options is not null)
            row.Add(options);
        return row;
    }
}
