namespace LoadLab.Core.Results;

/// <summary>How a metric of an interval adds up over several intervals.</summary>
public enum IntervalMetricKind
{
    /// <summary>A count (or units) of the interval: intervals add up; OTLP exports it as a monotonic sum (counter).</summary>
    Sum,

    /// <summary>A percentile of the interval's ok latency: it does not add up; OTLP exports it as a gauge.</summary>
    OkLatencyPercentile,
}

/// <summary>One metric LoadLab exports per scenario and operation.</summary>
/// <param name="Name">The name in CloudWatch EMF (namespace LoadLab).</param>
/// <param name="CloudWatchUnit">The EMF unit.</param>
/// <param name="Kind">How it adds up over intervals.</param>
/// <param name="OtlpName">The OpenTelemetry instrument name (lower case, dotted, as the OTel naming guidelines ask).</param>
/// <param name="OtlpUnit">The UCUM unit OpenTelemetry carries.</param>
/// <param name="Description">What it measures, for the instrument's description.</param>
/// <param name="Percentile">For <see cref="IntervalMetricKind.OkLatencyPercentile"/>: 50 or 99.</param>
public sealed record IntervalMetric(string Name, string CloudWatchUnit, IntervalMetricKind Kind, string OtlpName, string OtlpUnit, string Description, double Percentile = 0);

/// <summary>
/// What LoadLab's metrics are, once for every output (the EMF file and the live OTLP export): their names, units and
/// how each comes out of an <see cref="OperationInterval"/>, the per-second figures the engine produces and
/// results.json keeps. Dimensions (EMF) and attributes (OTLP) are <see cref="Dimensions"/>.
/// </summary>
public static class IntervalMetrics
{
    /// <summary>The dimension set, in order: EMF dimensions and OTLP attributes alike.</summary>
    public static readonly IReadOnlyList<string> Dimensions = ["suite", "scenario", "operation", "environment"];

    public static readonly IntervalMetric Operations = new("operations", "Count", IntervalMetricKind.Sum, "loadlab.operations", "{operation}", "Operations that ran to an outcome");
    public static readonly IntervalMetric Ok = new("ok", "Count", IntervalMetricKind.Sum, "loadlab.ok", "{operation}", "Operations that succeeded");
    public static readonly IntervalMetric Throttled = new("throttled", "Count", IntervalMetricKind.Sum, "loadlab.throttled", "{operation}", "Operations throttled after the SDK's retries");
    public static readonly IntervalMetric Errors = new("errors", "Count", IntervalMetricKind.Sum, "loadlab.errors", "{operation}", "Operations that failed (condition failures are expected outcomes, not errors)");
    public static readonly IntervalMetric OkP50 = new("okP50", "Milliseconds", IntervalMetricKind.OkLatencyPercentile, "loadlab.ok.latency.p50", "ms", "Median latency of successful operations, corrected for coordinated omission", 50);
    public static readonly IntervalMetric OkP99 = new("okP99", "Milliseconds", IntervalMetricKind.OkLatencyPercentile, "loadlab.ok.latency.p99", "ms", "99th percentile latency of successful operations, corrected for coordinated omission", 99);
    public static readonly IntervalMetric ConsumedReadUnits = new("consumedReadUnits", "Count", IntervalMetricKind.Sum, "loadlab.consumed.read_units", "{capacity_unit}", "Read capacity units DynamoDB reported as consumed");
    public static readonly IntervalMetric ConsumedWriteUnits = new("consumedWriteUnits", "Count", IntervalMetricKind.Sum, "loadlab.consumed.write_units", "{capacity_unit}", "Write capacity units DynamoDB reported as consumed");

    /// <summary>Every metric, in the order outputs write them.</summary>
    public static readonly IReadOnlyList<IntervalMetric> All = [Operations, Ok, Throttled, Errors, OkP50, OkP99, ConsumedReadUnits, ConsumedWriteUnits];

    /// <summary>
    /// The metric's value for one interval, or null when the interval has none. The ok percentiles are null for a
    /// second without ok operations (no latency to report is not zero latency), and for results written before intervals
    /// carried them, unless every operation of the second was ok, when the all-outcome percentiles are the same thing.
    /// Units likewise.
    /// </summary>
    public static double? Value(IntervalMetric metric, OperationInterval interval)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(interval);
        bool allOk = interval.Ok > 0 && interval.Ok == interval.Completed;
        return metric.Name switch
        {
            "operations" => interval.Completed,
            "ok" => interval.Ok,
            "throttled" => interval.Throttled,
            "errors" => interval.Errors,
            "okP50" => interval.OkP50Ms ?? (allOk ? interval.P50Ms : null),
            "okP99" => interval.OkP99Ms ?? (allOk ? interval.P99Ms : null),
            "consumedReadUnits" => interval.ReadUnits,
            "consumedWriteUnits" => interval.WriteUnits,
            _ => throw new ArgumentException($"Unknown interval metric '{metric.Name}'", nameof(metric)),
        };
    }
}
