using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace LoadLab.TestSupport.Tracing;

/// <summary>
/// Checks segment documents against the official X-Ray schema (NJsonSchema, draft-04) and against the rules the
/// schema leaves out (docs/tracing.md §10): end_time or in_progress, independent subsegment fields, id
/// formats and uniqueness, the DynamoDB subsegment's aws block, annotation keys, values and count, document size.
/// Shared by the unit and the integration tests.
/// </summary>
public static partial class SegmentSchema
{
    public const int MaxDocumentBytes = 64_000;

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Tracing", "Fixtures", "xray-segmentdocument-schema-v1.0.0.json"))).GetAwaiter().GetResult());

    /// <summary>Every problem of one document: schema errors first, then rule errors. Empty when valid.</summary>
    public static IReadOnlyList<string> Problems(string json)
    {
        var problems = Schema.Value.Validate(json).Select(e => $"schema: {e.Kind} at {e.Path}").ToList();
        problems.AddRange(RuleProblems(json));
        return problems;
    }

    public static void AssertValid(string json)
    {
        var problems = Problems(json);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\nin\n" + json);
    }

    /// <summary>Splits a daemon datagram at the first newline and checks the header; returns the document.</summary>
    public static string DocumentOf(ReadOnlySpan<byte> datagram)
    {
        int newline = datagram.IndexOf((byte)'\n');
        Assert.True(newline > 0, "no header line in the datagram");
        using (var header = JsonDocument.Parse(datagram[..newline].ToArray()))
        {
            Assert.Equal("json", header.RootElement.GetProperty("format").GetString());
            Assert.Equal(1, header.RootElement.GetProperty("version").GetInt32());
        }

        Assert.True(datagram.Length <= MaxDocumentBytes, $"datagram of {datagram.Length} bytes");
        return Encoding.UTF8.GetString(datagram[(newline + 1)..]);
    }

    private static List<string> RuleProblems(string json)
    {
        var problems = new List<string>();
        if (Encoding.UTF8.GetByteCount(json) > MaxDocumentBytes)
            problems.Add("document larger than 64 kB");
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!TraceId().IsMatch(root.GetProperty("trace_id").GetString() ?? string.Empty))
            problems.Add("trace_id is not 1-<8 hex>-<24 hex>");
        bool independent = root.TryGetProperty("type", out var type) && type.GetString() == "subsegment";
        if (independent && !(root.TryGetProperty("parent_id", out var parent) && Id().IsMatch(parent.GetString() ?? string.Empty)))
            problems.Add("an independent subsegment needs parent_id (16 hex)");
        if (!independent && root.TryGetProperty("type", out _))
            problems.Add("type must be 'subsegment' when present");

        var ids = new HashSet<string>(StringComparer.Ordinal);
        int annotations = 0;
        Walk(root, "$", isSubsegment: independent, problems, ids, ref annotations);
        if (annotations > 50)
            problems.Add($"{annotations} annotations; X-Ray indexes at most 50 per trace");
        return problems;
    }

    private static void Walk(JsonElement node, string path, bool isSubsegment, List<string> problems, HashSet<string> ids, ref int annotations)
    {
        string id = node.GetProperty("id").GetString() ?? string.Empty;
        if (!Id().IsMatch(id))
            problems.Add($"{path}: id '{id}' is not 16 lowercase hex digits");
        if (!ids.Add(id))
            problems.Add($"{path}: id {id} used twice");
        if (!node.TryGetProperty("name", out var name) || string.IsNullOrWhiteSpace(name.GetString()))
            problems.Add($"{path}: no name");
        bool hasEnd = node.TryGetProperty("end_time", out var end);
        bool inProgress = node.TryGetProperty("in_progress", out var progress) && progress.GetBoolean();
        if (hasEnd == inProgress)
            problems.Add($"{path}: needs exactly one of end_time and in_progress: true");
        if (hasEnd && end.GetDouble() < node.GetProperty("start_time").GetDouble())
            problems.Add($"{path}: end_time before start_time");
        if (node.TryGetProperty("namespace", out var ns))
        {
            if (!isSubsegment)
                problems.Add($"{path}: namespace belongs on subsegments");
            if (ns.GetString() is not ("aws" or "remote"))
                problems.Add($"{path}: namespace '{ns.GetString()}' is neither aws nor remote");
            if (ns.GetString() == "aws")
            {
                if (!node.TryGetProperty("aws", out var aws))
                    problems.Add($"{path}: an aws subsegment needs its aws block");
                else
                    foreach (string field in new[] { "operation", "region", "table_name" })
                        if (!aws.TryGetProperty(field, out var v) || string.IsNullOrEmpty(v.GetString()))
                            problems.Add($"{path}: aws.{field} missing");
            }
        }

        if (node.TryGetProperty("annotations", out var a))
        {
            foreach (var p in a.EnumerateObject())
            {
                annotations++;
                if (!AnnotationKey().IsMatch(p.Name))
                    problems.Add($"{path}: annotation key '{p.Name}' is not [A-Za-z0-9_]{{1,500}}");
                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
                    problems.Add($"{path}: annotation {p.Name} is not a string, number or boolean");
                if (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length > 1000)
                    problems.Add($"{path}: annotation {p.Name} longer than 1000 characters");
            }
        }

        if (node.TryGetProperty("metadata", out var m))
        {
            foreach (var p in m.EnumerateObject())
                if (p.Name.StartsWith("AWS.", StringComparison.Ordinal))
                    problems.Add($"{path}: metadata namespace {p.Name} is reserved for AWS");
        }

        if (node.TryGetProperty("cause", out var cause) && cause.ValueKind == JsonValueKind.Object)
        {
            foreach (var e in cause.GetProperty("exceptions").EnumerateArray())
                if (!Id().IsMatch(e.GetProperty("id").GetString() ?? string.Empty))
                    problems.Add($"{path}: exception id is not 16 hex");
        }

        if (node.TryGetProperty("subsegments", out var subs))
        {
            int i = 0;
            foreach (var child in subs.EnumerateArray())
                Walk(child, $"{path}.subsegments[{i++}]", isSubsegment: true, problems, ids, ref annotations);
        }
    }

    [GeneratedRegex("^1-[0-9a-f]{8}-[0-9a-f]{24}$")]
    private static partial Regex TraceId();

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex Id();

    [GeneratedRegex("^[A-Za-z0-9_]{1,500}$")]
    private static partial Regex AnnotationKey();
}
