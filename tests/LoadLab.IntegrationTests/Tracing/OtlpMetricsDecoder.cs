using System.Buffers.Binary;
using System.Text;

namespace LoadLab.IntegrationTests.Tracing;

/// <summary>
/// Reads an OTLP <c>ExportMetricsServiceRequest</c> (opentelemetry/proto/collector/metrics/v1) straight from the
/// protobuf wire format, independently of the SDK that wrote it: only the fields the tests look at (resource
/// attributes, metric name and unit, sums and gauges with their number data points and string attributes).
/// </summary>
internal static class OtlpMetricsDecoder
{
    /// <summary>One number data point: its metric, kind (sum or gauge), attributes, value and the resource's attributes.</summary>
    public sealed record Point(string Metric, string Unit, string Kind, bool Monotonic, IReadOnlyDictionary<string, string> Attributes, double Value, IReadOnlyDictionary<string, string> Resource);

    public static List<Point> Decode(byte[] request)
    {
        var points = new List<Point>();
        foreach (var (field, resourceMetrics) in Fields(request))
        {
            if (field != 1) continue; // ExportMetricsServiceRequest.resource_metrics
            var resource = new Dictionary<string, string>();
            foreach (var (f, value) in Fields(resourceMetrics))
            {
                if (f == 1) // ResourceMetrics.resource → Resource.attributes
                    foreach (var (a, kv) in Fields(value)) if (a == 1) Add(resource, kv);
            }

            foreach (var (f, scopeMetrics) in Fields(resourceMetrics))
            {
                if (f != 2) continue; // ResourceMetrics.scope_metrics
                foreach (var (m, metric) in Fields(scopeMetrics))
                    if (m == 2) points.AddRange(Metric(metric, resource)); // ScopeMetrics.metrics
            }
        }

        return points;
    }

    private static IEnumerable<Point> Metric(ReadOnlyMemory<byte> metric, Dictionary<string, string> resource)
    {
        string name = "", unit = "";
        var points = new List<Point>();
        foreach (var (f, value) in Fields(metric))
        {
            switch (f)
            {
                case 1: name = Text(value); break;
                case 3: unit = Text(value); break;
                case 5: points.AddRange(DataPoints(value, "gauge", false)); break; // Metric.gauge
                case 7: // Metric.sum: data_points 1, aggregation_temporality 2, is_monotonic 3
                    bool monotonic = Fields(value).Any(p => p.Field == 3 && p.Value.Length > 0 && p.Value.Span[0] != 0);
                    points.AddRange(DataPoints(value, "sum", monotonic));
                    break;
            }
        }

        return points.Select(p => p with { Metric = name, Unit = unit, Resource = resource });
    }

    private static IEnumerable<Point> DataPoints(ReadOnlyMemory<byte> data, string kind, bool monotonic)
    {
        foreach (var (f, point) in Fields(data))
        {
            if (f != 1) continue;
            var attributes = new Dictionary<string, string>();
            double value = double.NaN;
            foreach (var (pf, pv) in Fields(point))
            {
                if (pf == 7) Add(attributes, pv); // NumberDataPoint.attributes
                else if (pf == 4) value = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(pv.Span)); // as_double
                else if (pf == 6) value = BinaryPrimitives.ReadInt64LittleEndian(pv.Span); // as_int (sfixed64)
            }

            yield return new Point("", "", kind, monotonic, attributes, value, new Dictionary<string, string>());
        }
    }

    /// <summary>A KeyValue whose AnyValue is a string (field 1 of AnyValue); other values are kept as their kind.</summary>
    private static void Add(Dictionary<string, string> into, ReadOnlyMemory<byte> keyValue)
    {
        string key = "", value = "";
        foreach (var (f, v) in Fields(keyValue))
        {
            if (f == 1) key = Text(v);
            else if (f == 2) value = Fields(v).Where(a => a.Field == 1).Select(a => Text(a.Value)).FirstOrDefault() ?? "(not a string)";
        }

        into[key] = value;
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    /// <summary>
    /// The fields of one message: length-delimited ones as their bytes, fixed64 as 8 bytes, varints as their value's
    /// 8 little-endian bytes (enough for the booleans and enums read here).
    /// </summary>
    private static List<(int Field, ReadOnlyMemory<byte> Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        int position = 0;
        var span = message.Span;
        while (position < span.Length)
        {
            ulong tag = Varint(span, ref position);
            int field = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    var bytes = new byte[8];
                    BinaryPrimitives.WriteUInt64LittleEndian(bytes, Varint(span, ref position));
                    fields.Add((field, bytes));
                    break;
                case 1:
                    fields.Add((field, message.Slice(position, 8)));
                    position += 8;
                    break;
                case 2:
                    int length = checked((int)Varint(span, ref position));
                    fields.Add((field, message.Slice(position, length)));
                    position += length;
                    break;
                case 5:
                    fields.Add((field, message.Slice(position, 4)));
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"protobuf wire type {tag & 7} at byte {position} is not expected in OTLP metrics");
            }
        }

        return fields;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = span[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
                return value;
        }

        throw new InvalidDataException("protobuf varint longer than 10 bytes");
    }
}
