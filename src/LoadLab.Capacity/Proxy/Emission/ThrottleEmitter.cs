using System.Globalization;
using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Emission;

/// <summary>
/// Writes a refused request the way DynamoDB refuses it (docs/capacity-model.md §17): HTTP 400, <c>x-amzn-RequestId</c>, a fresh
/// <c>x-amz-crc32</c>, and <c>{"__type", "message", "ThrottlingReasons" | "throttlingReasons": [{"__type":
/// "ThrottlingReason", "reason", "resource"}]}</c> with each unique reason and its table or index ARN.
/// </summary>
internal sealed class ThrottleEmitter(ThrottleEmissionOptions options, string region, string accountId)
{
    public const string RetryAfterHeader = "x-amz-retry-after";

    public ThrottleEmissionOptions Options { get; } = options;

    public string Arn(string table, string? index) =>
        index is null
            ? $"arn:aws:dynamodb:{region}:{accountId}:table/{table}"
            : $"arn:aws:dynamodb:{region}:{accountId}:table/{table}/index/{index}";

    public WireResponse Throttle(IReadOnlyList<ThrottleCause> causes)
    {
        var kind = ThrottleChoice.Choose(causes);
        var body = new PooledBuffer(512);
        using (var writer = new Utf8JsonWriter(body, DynamoErrors.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", TypeId(ThrottleChoice.TypeName(kind)));
            writer.WriteString("message", ThrottleChoice.Message(kind, causes));
            if (!Options.OmitReasons)
                WriteReasons(writer, ThrottleChoice.ReasonsMember(kind), causes);
            writer.WriteEndObject();
        }

        return Finish(body);
    }

    /// <summary>TransactionCanceledException: "ThrottlingError" on each action whose table was refused, "None" on the rest.</summary>
    public WireResponse TransactionCanceled(IReadOnlyList<ThrottleCause> causes, IReadOnlyList<string> actionTables)
    {
        var refused = causes.Select(c => c.Table).ToHashSet(StringComparer.Ordinal);
        var codes = actionTables.Select(t => refused.Contains(t) ? "ThrottlingError" : "None").ToList();
        var body = new PooledBuffer(512);
        using (var writer = new Utf8JsonWriter(body, DynamoErrors.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", TypeId("TransactionCanceledException"));
            writer.WriteString("Message", ThrottleMessages.TransactionCancelledPrefix + "[" + string.Join(", ", codes) + "]");
            writer.WritePropertyName("CancellationReasons");
            writer.WriteStartArray();
            foreach (string code in codes)
            {
                writer.WriteStartObject();
                writer.WriteString("Code", code);
                if (code != "None")
                    writer.WriteString("Message", ThrottleMessages.TransactionThrottled);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Finish(body);
    }

    private string TypeId(string name) => Options.ShortType ? name : DynamoErrors.DynamoNamespace + name;

    private void WriteReasons(Utf8JsonWriter writer, string member, IReadOnlyList<ThrottleCause> causes)
    {
        writer.WritePropertyName(member);
        writer.WriteStartArray();
        var seen = new HashSet<(string, string)>();
        foreach (var cause in causes)
        {
            string resource = Arn(cause.Table, cause.Index);
            if (!seen.Add((cause.Reason, resource)))
                continue;
            writer.WriteStartObject();
            if (!Options.OmitNestedType)
                writer.WriteString("__type", "ThrottlingReason");
            writer.WriteString("reason", cause.Reason);
            writer.WriteString("resource", resource);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private WireResponse Finish(PooledBuffer body)
    {
        var headers = Options.RetryAfterMs is { } ms
            ? new[] { new KeyValuePair<string, string>(RetryAfterHeader, ms.ToString(CultureInfo.InvariantCulture)) }
            : null;
        var response = WireResponse.Json(400, body, extraHeaders: headers);
        response.Outcome = AttemptOutcome.Throttled;
        return response;
    }
}
