using LoadLab.Tracing.Ids;

namespace LoadLab.Tracing.Segments;

/// <summary>
/// A segment or subsegment as X-Ray models it (docs/tracing.md §3). Built once per kept operation by
/// <see cref="SegmentBuilder"/>; the UDP exporter writes it as JSON, the OTLP exporter turns it into Activities.
/// </summary>
public sealed record SegmentNode
{
    public required string Name { get; init; }

    public required ulong Id { get; init; }

    public required XRayTraceId TraceId { get; init; }

    /// <summary>Epoch seconds.</summary>
    public required double StartTime { get; init; }

    /// <summary>Epoch seconds; null while in progress.</summary>
    public double? EndTime { get; init; }

    /// <summary><c>aws</c> for AWS SDK calls, null otherwise.</summary>
    public string? Namespace { get; init; }

    public bool Error { get; init; }

    public bool Throttle { get; init; }

    public bool Fault { get; init; }

    /// <summary>Exceptions recorded here (<c>cause.exceptions</c>).</summary>
    public IReadOnlyList<ExceptionInfo> Exceptions { get; init; } = [];

    /// <summary>When <see cref="Exceptions"/> is empty: the id of an exception recorded by a subsegment (<c>cause</c> as a string).</summary>
    public ulong? CauseId { get; init; }

    /// <summary>HTTP status of the response, when there was one.</summary>
    public int? HttpStatus { get; init; }

    public long? ContentLength { get; init; }

    public AwsInfo? Aws { get; init; }

    /// <summary>Indexed values: keys <c>[A-Za-z0-9_]</c>, values string, number or boolean.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Annotations { get; init; } = [];

    /// <summary>Free-form values in the <c>loadlab</c> metadata namespace (string, number or boolean).</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Metadata { get; init; } = [];

    public IReadOnlyList<SegmentNode> Subsegments { get; init; } = [];
}

/// <summary>The <c>aws</c> block of a DynamoDB subsegment; on the segment only <see cref="SdkName"/> is used.</summary>
public sealed record AwsInfo
{
    public string? Operation { get; init; }

    public string? Region { get; init; }

    public string? RequestId { get; init; }

    public string? TableName { get; init; }

    public int? Retries { get; init; }

    public ConsumedCapacityInfo? ConsumedCapacity { get; init; }

    /// <summary>Segment only: what produced the segment (<c>aws.xray.sdk</c>).</summary>
    public string? SdkName { get; init; }

    public string? SdkVersion { get; init; }
}

/// <summary>Capacity the table reported as consumed, as the X-Ray SDKs record DynamoDB's ConsumedCapacity.</summary>
public sealed record ConsumedCapacityInfo(string TableName, double CapacityUnits, double ReadCapacityUnits, double WriteCapacityUnits);

/// <summary>One entry of <c>cause.exceptions</c>.</summary>
public sealed record ExceptionInfo(ulong Id, string Type, string? Message, bool Remote);

/// <summary>Shorthand for an annotation or metadata entry.</summary>
internal static class Entry
{
    public static KeyValuePair<string, object> Of(string key, object value) => new(key, value);
}

/// <summary>Id helpers for nodes.</summary>
internal static class NodeIds
{
    public static string Hex(this SegmentNode node) => SegmentIds.ToHex(node.Id);
}
