using LoadLab.Core.Outcomes;
using LoadLab.Tracing.Ids;
using LoadLab.Tracing.Sampling;

namespace LoadLab.Tracing.Segments;

/// <summary>
/// The raw facts of an operation that will be traced, handed from the hot path to the export thread, which builds
/// the segment. Only kept operations get one, so the common path allocates nothing.
/// </summary>
internal sealed record KeptOperation(
    ScenarioTrace Scenario,
    int OperationIndex,
    long Sequence,
    XRayTraceId TraceId,
    ulong SegmentId,
    ulong CallId,
    long Start,
    long End,
    OperationOutcome Outcome,
    KeepReason Reason,
    object? CaptureToken)
{
    public string OperationName => Scenario.Operations[OperationIndex];

    /// <summary>True when <see cref="Start"/> was estimated from the coarse clock (kept at the end, not sampled up front).</summary>
    public bool StartEstimated { get; init; }
}
