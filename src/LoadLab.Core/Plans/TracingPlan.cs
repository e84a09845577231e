namespace LoadLab.Core.Plans;

/// <summary>
/// The suite's <c>tracing:</c> section, as written: each value null when the suite leaves it to the default. The
/// command line overrides any of them. Kept as plain values so Core needs nothing of the tracing project.
/// </summary>
/// <param name="Mode">off, xray or otlp; null when the suite names no mode.</param>
/// <param name="Rate">Share of operations traced beyond the reservoir, 0–1.</param>
/// <param name="ReservoirPerSecond">Operations traced first in each second.</param>
/// <param name="SlowThreshold">Operations at least this slow are always traced.</param>
/// <param name="AlwaysKeepPerSecond">Cap per second on throttled, failed and slow operations traced beyond the sample.</param>
/// <param name="ServiceName">Segment name, the service on the X-Ray trace map.</param>
public sealed record TracingPlan(
    string? Mode = null,
    double? Rate = null,
    int? ReservoirPerSecond = null,
    TimeSpan? SlowThreshold = null,
    int? AlwaysKeepPerSecond = null,
    string? ServiceName = null);
