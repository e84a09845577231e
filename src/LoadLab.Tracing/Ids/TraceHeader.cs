namespace LoadLab.Tracing.Ids;

/// <summary>The <c>X-Amzn-Trace-Id</c> request header: <c>Root=1-…;Parent=…;Sampled=1</c> (docs/tracing.md §4).</summary>
public static class TraceHeader
{
    public const string Name = "X-Amzn-Trace-Id";

    /// <summary>The header of a sampled call whose subsegment is <paramref name="parentId"/>.</summary>
    public static string Sampled(XRayTraceId traceId, ulong parentId) =>
        "Root=" + traceId.ToString() + ";Parent=" + SegmentIds.ToHex(parentId) + ";Sampled=1";
}
