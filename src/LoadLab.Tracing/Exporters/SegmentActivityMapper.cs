using System.Diagnostics;
using System.Globalization;
using LoadLab.Tracing.Segments;

namespace LoadLab.Tracing.Exporters;

/// <summary>
/// Turns a built segment into <see cref="Activity"/> spans with the same trace id, times, flags and values, so OTLP
/// and the daemon carry the same trace. Attribute names follow what the ADOT/collector <c>awsxray</c> exporter maps
/// back to X-Ray (docs/tracing.md §7): <c>rpc.*</c> and <c>aws.*</c> for the DynamoDB subsegment, and
/// <c>aws.xray.annotations</c> listing the keys to index.
/// </summary>
internal sealed class SegmentActivityMapper : IDisposable
{
    public const string SourceName = "LoadLab.Tracing";

    private readonly ActivitySource source = new(SourceName, typeof(SegmentActivityMapper).Assembly.GetName().Version?.ToString(3));
    private readonly ActivityListener listener;

    public SegmentActivityMapper()
    {
        // Spans are made after the fact on the export thread; this listener makes the source produce them. It listens
        // to this source only, so nothing else in the process is affected.
        listener = new ActivityListener
        {
            ShouldListenTo = s => ReferenceEquals(s, source),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>Adds the segment's spans to <paramref name="into"/>, children before parents (the order they end in).</summary>
    public void Map(SegmentNode segment, List<Activity> into)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var root = new ActivityContext(segment.TraceId.ToActivityTraceId(), default, ActivityTraceFlags.Recorded);
        MapNode(segment, root, ActivityKind.Server, RootName(segment), into);
    }

    public void Dispose()
    {
        listener.Dispose();
        source.Dispose();
    }

    private void MapNode(SegmentNode node, ActivityContext parent, ActivityKind kind, string name, List<Activity> into)
    {
        var activity = source.StartActivity(name, kind, parent, tags: null, links: null, startTime: FromEpoch(node.StartTime));
        if (activity is null)
            return;
        Tag(activity, node);
        foreach (var child in node.Subsegments)
        {
            bool isCall = child.Namespace == "aws";
            string childName = isCall ? child.Name + "." + (child.Aws?.Operation ?? "Call") : child.Name;
            MapNode(child, activity.Context, isCall ? ActivityKind.Client : ActivityKind.Internal, childName, into);
        }

        activity.SetEndTime(FromEpoch(node.EndTime ?? node.StartTime).UtcDateTime);
        activity.Stop();
        into.Add(activity);
    }

    private static void Tag(Activity activity, SegmentNode node)
    {
        if (node.Annotations.Count > 0)
        {
            foreach (var (key, value) in node.Annotations)
                activity.SetTag(key, value);
            activity.SetTag("aws.xray.annotations", node.Annotations.Select(a => a.Key).ToArray());
        }

        foreach (var (key, value) in node.Metadata)
            activity.SetTag(SegmentBuilder.MetadataNamespace + "." + key, value);
        if (node.Namespace == "aws" && node.Aws is { } aws)
        {
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", node.Name);
            activity.SetTag("rpc.method", aws.Operation);
            activity.SetTag("db.system.name", "aws.dynamodb");
            activity.SetTag("aws.operation", aws.Operation);
            activity.SetTag("aws.region", aws.Region);
            activity.SetTag("cloud.region", aws.Region);
            activity.SetTag("aws.table_name", aws.TableName);
            if (aws.TableName is { } table)
                activity.SetTag("aws.dynamodb.table_names", new[] { table });
            activity.SetTag("aws.xray.retries", aws.Retries);
            if (aws.ConsumedCapacity is { } cc)
                activity.SetTag("aws.dynamodb.consumed_capacity", new[] { ConsumedCapacityJson(cc) });
        }

        if (node.Aws?.RequestId is { } requestId)
            activity.SetTag("aws.request_id", requestId);
        if (node.HttpStatus is { } status)
        {
            activity.SetTag("http.status_code", status);
            activity.SetTag("http.response.status_code", status);
        }

        if (node.ContentLength is { } length)
            activity.SetTag("http.response_content_length", length);
        if (node.Throttle)
            activity.SetTag("loadlab.throttle", true);
        foreach (var e in node.Exceptions)
        {
            var tags = new ActivityTagsCollection { ["exception.type"] = e.Type };
            if (e.Message is { } message)
                tags["exception.message"] = message;
            activity.AddEvent(new ActivityEvent("exception", FromEpoch(node.EndTime ?? node.StartTime), tags));
        }

        if (node.Error || node.Fault || node.Throttle)
            activity.SetStatus(ActivityStatusCode.Error, node.Exceptions.Count > 0 ? node.Exceptions[0].Type : null);
    }

    private static string RootName(SegmentNode segment)
    {
        string? scenario = null, operation = null;
        foreach (var (key, value) in segment.Annotations)
        {
            if (key == "scenario") scenario = value as string;
            else if (key == "operation") operation = value as string;
        }

        return scenario is null || operation is null ? segment.Name : scenario + " " + operation;
    }

    private static string ConsumedCapacityJson(ConsumedCapacityInfo cc) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"TableName\":\"{System.Text.Encodings.Web.JavaScriptEncoder.Default.Encode(cc.TableName)}\",\"CapacityUnits\":{cc.CapacityUnits},\"ReadCapacityUnits\":{cc.ReadCapacityUnits},\"WriteCapacityUnits\":{cc.WriteCapacityUnits}}}");

    private static DateTimeOffset FromEpoch(double seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
