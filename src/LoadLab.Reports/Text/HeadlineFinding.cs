using LoadLab.Core.Results;
using static LoadLab.Reports.Text.ReportNumbers;

namespace LoadLab.Reports.Text;

/// <summary>
/// The one sentence of findings at the top of a report: the most important thing the figures say, in an engineer's
/// words (a hot key, a capacity limit, errors, a load generator that fell behind), or that the run was clean.
/// </summary>
public static class HeadlineFinding
{
    public static string Of(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ops = result.Scenarios.SelectMany(s => s.Operations.Select(o => (Scenario: s, Op: o))).Where(x => x.Op.Completed > 0).ToList();
        if (ops.Count == 0)
            return result.Run.Interrupted ? "The run was interrupted before any operation completed." : "No operation completed in the measured window.";
        string prefix = result.Run.Interrupted ? "Interrupted, so the figures cover the part that ran. " : "";

        var throttled = ops.Where(x => x.Op.ThrottleEvents > 0 || x.Op.Count("throttled") > 0)
            .OrderByDescending(x => (double)x.Op.Count("throttled") / x.Op.Completed).ThenByDescending(x => x.Op.ThrottleEvents).FirstOrDefault();
        if (throttled.Op is { } t)
            return prefix + Throttling(result, throttled.Scenario, t);

        var failing = ops.Where(x => OperationFigures.Errors(x.Op) > 0).OrderByDescending(x => (double)OperationFigures.Errors(x.Op) / x.Op.Completed).FirstOrDefault();
        if (failing.Op is { } f)
        {
            string code = f.ErrorCodes.OrderByDescending(e => e.Value).Select(e => e.Key).FirstOrDefault() ?? "errors";
            return prefix + $"{Percent(OperationFigures.Errors(f), f.Completed)} of {Name(failing.Scenario, f)} failed, mostly {code}.";
        }

        if (result.Scenarios.FirstOrDefault(s => s.Dropped > 0) is { } dropped)
            return prefix + $"The load generator fell behind: {Count(dropped.Dropped)} arrivals of {dropped.Name} were dropped at the in-flight bound ({Count(dropped.MaxInFlight)}), so the target rate was not reached.";

        var slowest = ops.Where(x => x.Op.Count("ok") > 0).MaxBy(x => x.Op.OkLatency.P99Ms);
        return prefix + $"All operations succeeded without throttling; the slowest p99 of successful operations is {Milliseconds(slowest.Op.OkLatency.P99Ms)} ({Name(slowest.Scenario, slowest.Op)}).";
    }

    private static string Throttling(RunResult result, ScenarioResult scenario, OperationResult op)
    {
        string reason = op.ThrottleReasons.OrderByDescending(r => r.Value).Select(r => r.Key).FirstOrDefault()
            ?? Reasons(result, scenario.Table).FirstOrDefault() ?? "throttling";
        string what = op.Count("throttled") > 0
            ? $"{Percent(op.Count("throttled"), op.Completed)} of {Name(scenario, op)} throttled"
            : $"{Name(scenario, op)} met {Count(op.ThrottleEvents)} throttles ({Unprocessed(op)}) that retries absorbed at a cost in latency";
        bool write = reason.Contains("Write", StringComparison.Ordinal) || op.WriteUnits > op.ReadUnits;
        var resource = result.Simulator?.Resources.FirstOrDefault(r => r.Table == scenario.Table && r.Index is null);
        string unit = write ? "WCU" : "RCU";
        // DynamoDB names a partition's limit and the on-demand ceiling alike (KeyRange): the per-second data tells them apart.
        if (reason.Contains("KeyRange", StringComparison.Ordinal) && resource is not null)
        {
            double limit = write ? resource.PartitionLimitWriteUnits : resource.PartitionLimitReadUnits;
            var ceiling = resource.Seconds.Where(s => s.Length > 0)
                .Select(s => (Used: (write ? s.ConsumedWrite : s.ConsumedRead) / s.Length, Limit: write ? s.CapacityWrite : s.CapacityRead))
                .Where(s => s.Limit > 0).ToList();
            // The ceiling first: it refuses every key alike, so its throttles never concentrate on one.
            if (resource.Mode == "on-demand" && ceiling.Count > 0 && ceiling.Any(s => s.Used >= 0.9 * s.Limit))
                return $"On-demand ceiling: {what}; the table used up to {Count((long)ceiling.Max(s => s.Used))} {unit}/s against its on-demand ceiling of {Count((long)ceiling.Min(s => s.Limit))} {unit}/s. A new on-demand table's ceiling rises only after sustained traffic; warm throughput or a gentler ramp avoids it.";
            if (HotKeys.TopShare(result) is { } share && share >= 50)
                return $"Hot key: {what}; one partition key took {Number(share)} % of the table's throttle events, at the {Count((long)limit)} {unit} per-partition (and per-key) limit, whatever the table's capacity.";
            double hottest = resource.Seconds.Select(s => write ? s.HotPartitionWrite : s.HotPartitionRead).DefaultIfEmpty(0).Max();
            if (limit > 0 && hottest >= 0.9 * limit)
                return $"Hot partition: {what}; the busiest partition reached its {Count((long)limit)} {unit} per-partition limit, whatever the table's capacity.";
            return $"Partition limits: {what} at DynamoDB's per-partition limit ({reason}), with the throttles spread over many keys.";
        }

        if (reason.Contains("Provisioned", StringComparison.Ordinal) && resource is { Mode: "provisioned" })
        {
            double units = write ? resource.ProvisionedWriteUnits : resource.ProvisionedReadUnits;
            return $"Table capacity: {what} at the table's {Count((long)units)} provisioned {unit} ({reason}).";
        }

        return $"Throttling: {what} ({reason}).";
    }

    private static IEnumerable<string> Reasons(RunResult result, string table) =>
        result.Simulator?.Resources.Where(r => r.Table == table).SelectMany(r => r.ThrottleEventsByReason).OrderByDescending(r => r.Value).Select(r => r.Key) ?? [];

    private static string Unprocessed(OperationResult op) => op.UnprocessedItems is > 0 and var items
        ? $"{Count(items)} batch items returned unprocessed, {Count(op.ThrottledAttempts)} attempts refused"
        : $"{Count(op.ThrottledAttempts)} attempts refused";

    private static string Name(ScenarioResult scenario, OperationResult op) => scenario.Operations.Count == 1 && scenario.Name == op.Name
        ? op.Name + " operations" : scenario.Name + "/" + op.Name + " operations";
}
