using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using LoadLab.Tracing.Ids;

namespace LoadLab.Tracing.Segments;

/// <summary>
/// Writes segment documents as the X-Ray daemon takes them: the header line <c>{"format":"json","version":1}</c>, a
/// newline, then one JSON document. A segment whose document would exceed <see cref="MaxDatagramBytes"/> is sent as
/// the segment without its subsegments followed by each subsegment on its own (<c>type: subsegment</c>, <c>trace_id</c>,
/// <c>parent_id</c>), recursively, as the X-Ray SDKs stream them. One instance per thread: it reuses its buffer.
/// </summary>
public sealed class SegmentDocumentWriter
{
    /// <summary>The daemon reads 64 KB datagrams and IPv4 carries at most 65,507 bytes; this keeps clear of both.</summary>
    public const int DefaultMaxDatagramBytes = 64_000;

    public static ReadOnlySpan<byte> Header => """{"format":"json","version":1}"""u8;

    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private readonly Utf8JsonWriter json;

    public SegmentDocumentWriter(int maxDatagramBytes = DefaultMaxDatagramBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDatagramBytes, 256);
        MaxDatagramBytes = maxDatagramBytes;
        // The writer's structure is fixed by this class and checked against the schema by the tests; validating it
        // again per document costs a third of the writing time.
        json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
    }

    public int MaxDatagramBytes { get; }

    /// <summary>Hands each datagram (header + document) of <paramref name="segment"/> to <paramref name="send"/>; returns how many.</summary>
    public int WriteDatagrams(SegmentNode segment, Action<ReadOnlyMemory<byte>> send)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(send);
        return Emit(segment, parentId: null, send);
    }

    /// <summary>The document alone (no header), whole, as a string; for tests and debugging.</summary>
    public string ToJson(SegmentNode segment, ulong? independentParentId = null, bool withSubsegments = true)
    {
        Write(segment, independentParentId, withSubsegments, header: false);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private int Emit(SegmentNode node, ulong? parentId, Action<ReadOnlyMemory<byte>> send)
    {
        Write(node, parentId, withSubsegments: true, header: true);
        if (buffer.WrittenCount <= MaxDatagramBytes || node.Subsegments.Count == 0)
        {
            // A leaf that is still too large is sent anyway: the daemon reports it, and dropping it silently would hide it.
            send(buffer.WrittenMemory);
            return 1;
        }

        Write(node, parentId, withSubsegments: false, header: true);
        send(buffer.WrittenMemory);
        int sent = 1;
        foreach (var child in node.Subsegments)
            sent += Emit(child, node.Id, send);
        return sent;
    }

    private void Write(SegmentNode node, ulong? independentParentId, bool withSubsegments, bool header)
    {
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        if (header)
        {
            buffer.Write(Header);
            buffer.Write("\n"u8);
        }

        WriteNode(node, independentParentId, withSubsegments, topLevel: true);
        json.Flush();
    }

    private void WriteNode(SegmentNode node, ulong? independentParentId, bool withSubsegments, bool topLevel)
    {
        json.WriteStartObject();
        json.WriteString("name"u8, node.Name);
        json.WriteString("id"u8, node.Hex());
        if (topLevel)
        {
            json.WriteString("trace_id"u8, node.TraceId.ToString());
            if (independentParentId is { } parent)
            {
                json.WriteString("type"u8, "subsegment"u8);
                json.WriteString("parent_id"u8, SegmentIds.ToHex(parent));
            }
        }

        WriteTime("start_time"u8, node.StartTime);
        if (node.EndTime is { } end)
            WriteTime("end_time"u8, end);
        else
            json.WriteBoolean("in_progress"u8, true);
        if (node.Namespace is { } ns)
            json.WriteString("namespace"u8, ns);
        if (node.Error) json.WriteBoolean("error"u8, true);
        if (node.Throttle) json.WriteBoolean("throttle"u8, true);
        if (node.Fault) json.WriteBoolean("fault"u8, true);
        WriteCause(node);
        WriteHttp(node);
        WriteAws(node);
        WriteValues("annotations"u8, node.Annotations, inNamespace: false);
        WriteValues("metadata"u8, node.Metadata, inNamespace: true);
        if (withSubsegments && node.Subsegments.Count > 0)
        {
            json.WriteStartArray("subsegments"u8);
            foreach (var child in node.Subsegments)
                WriteNode(child, null, withSubsegments: true, topLevel: false);
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Epoch seconds with exactly six decimals (the microseconds X-Ray recommends), formatted from integers: the
    /// shortest round-trip form of a double is several times slower and is written six times per segment.
    /// </summary>
    private void WriteTime(ReadOnlySpan<byte> property, double epochSeconds)
    {
        long micros = (long)Math.Round(epochSeconds * 1_000_000);
        if (micros < 0)
        {
            json.WriteNumber(property, epochSeconds);
            return;
        }

        Span<byte> text = stackalloc byte[24];
        Utf8Formatter.TryFormat(micros / 1_000_000, text, out int written);
        text[written++] = (byte)'.';
        Utf8Formatter.TryFormat(micros % 1_000_000, text[written..], out int fraction, new StandardFormat('D', 6));
        json.WritePropertyName(property);
        json.WriteRawValue(text[..(written + fraction)], skipInputValidation: true);
    }

    private void WriteCause(SegmentNode node)
    {
        if (node.Exceptions.Count > 0)
        {
            json.WriteStartObject("cause"u8);
            json.WriteStartArray("exceptions"u8);
            foreach (var e in node.Exceptions)
            {
                json.WriteStartObject();
                json.WriteString("id"u8, SegmentIds.ToHex(e.Id));
                json.WriteString("type"u8, e.Type);
                if (e.Message is { } message)
                    json.WriteString("message"u8, message);
                json.WriteBoolean("remote"u8, e.Remote);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
        else if (node.CauseId is { } id)
        {
            json.WriteString("cause"u8, SegmentIds.ToHex(id));
        }
    }

    private void WriteHttp(SegmentNode node)
    {
        if (node.HttpStatus is null && node.ContentLength is null)
            return;
        json.WriteStartObject("http"u8);
        json.WriteStartObject("response"u8);
        if (node.HttpStatus is { } status) json.WriteNumber("status"u8, status);
        if (node.ContentLength is { } length) json.WriteNumber("content_length"u8, length);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteAws(SegmentNode node)
    {
        if (node.Aws is not { } aws)
            return;
        json.WriteStartObject("aws"u8);
        if (aws.Operation is { } op) json.WriteString("operation"u8, op);
        if (aws.Region is { } region) json.WriteString("region"u8, region);
        if (aws.RequestId is { } requestId) json.WriteString("request_id"u8, requestId);
        if (aws.TableName is { } table) json.WriteString("table_name"u8, table);
        if (aws.Retries is { } retries) json.WriteNumber("retries"u8, retries);
        if (aws.ConsumedCapacity is { } cc)
        {
            // Shaped like DynamoDB's ConsumedCapacity, snake_cased as the X-Ray SDKs record response parameters.
            json.WriteStartObject("consumed_capacity"u8);
            json.WriteString("table_name"u8, cc.TableName);
            json.WriteNumber("capacity_units"u8, cc.CapacityUnits);
            json.WriteNumber("read_capacity_units"u8, cc.ReadCapacityUnits);
            json.WriteNumber("write_capacity_units"u8, cc.WriteCapacityUnits);
            json.WriteEndObject();
        }

        if (aws.SdkName is { } sdk)
        {
            json.WriteStartObject("xray"u8);
            json.WriteString("sdk"u8, sdk);
            if (aws.SdkVersion is { } v) json.WriteString("sdk_version"u8, v);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private void WriteValues(ReadOnlySpan<byte> property, IReadOnlyList<KeyValuePair<string, object>> values, bool inNamespace)
    {
        if (values.Count == 0)
            return;
        json.WriteStartObject(property);
        if (inNamespace)
            json.WriteStartObject(SegmentBuilder.MetadataNamespace);
        foreach (var (key, value) in values)
        {
            switch (value)
            {
                case string s: json.WriteString(key, s); break;
                case bool b: json.WriteBoolean(key, b); break;
                case int i: json.WriteNumber(key, i); break;
                case long l: json.WriteNumber(key, l); break;
                case double d: json.WriteNumber(key, double.IsFinite(d) ? d : 0); break;
                default: json.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
        }

        if (inNamespace)
            json.WriteEndObject();
        json.WriteEndObject();
    }
}
