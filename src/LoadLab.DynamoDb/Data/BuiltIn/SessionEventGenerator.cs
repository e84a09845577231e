using System.Globalization;
using Amazon.DynamoDBv2.Model;
using LoadLab.Core.Execution;
using LoadLab.DynamoDb.Data.Generation;
using LoadLab.DynamoDb.Data.Schema;

namespace LoadLab.DynamoDb.Data.BuiltIn;

/// <summary>
/// <c>session-event</c>, a time series of clickstream events: sessionId (about four events per session), userId (about
/// two sessions per user), eventType (page_view most often), timestamp (one event per second on average, strictly
/// increasing with the index, millisecond precision), page and durationMs (log-normal, median about 650 ms).
/// Keys <c>SESSION#{sessionId}</c> / <c>EVENT#{timestamp}</c>.
/// </summary>
internal sealed class SessionEventGenerator : IItemGenerator
{
    public const string ModelName = "session-event";

    private const ulong SessionSalt = 0x5E55;
    private const ulong UserSalt = 0x5E56;
    private const ulong JitterSalt = 0x5E57;
    private const ulong EventSalt = 0x5E58;

    /// <summary>Event i happens in second i after <see cref="Start"/>.</summary>
    public static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] EventTypes = ["page_view", "click", "search", "add_to_cart", "checkout", "purchase"];
    private static readonly double[] EventWeights = Draw.Cumulative(0.55, 0.25, 0.08, 0.07, 0.03, 0.02);
    private static readonly string[] Pages = ["/", "/search", "/cart", "/checkout", "/account", "/orders", "/help", "/products"];
    private static readonly double[] PageWeights = Draw.Cumulative(0.15, 0.10, 0.06, 0.03, 0.04, 0.03, 0.02, 0.57);

    public static ModelSchema SchemaOf { get; } = new(ModelName,
    [
        new("sessionId", FieldKind.String),
        new("userId", FieldKind.Number),
        new("eventType", FieldKind.String),
        new("timestamp", FieldKind.Date),
        new("page", FieldKind.String),
        new("durationMs", FieldKind.Number),
        new(ItemAttributes.Version, FieldKind.Number),
        new(ItemAttributes.UpdatedAt, FieldKind.Date),
    ]);

    public string Name => ModelName;

    public ModelSchema Schema => SchemaOf;

    public KeyDefaults Keys { get; } = new("EVENT#{index:D12}", "SESSION#{sessionId}", "EVENT#{timestamp}");

    /// <summary>Blocks of 16 events shared by four sessions at random, so a session has 0–16 events, four on average.</summary>
    public static long SessionOf(long index) => ((index / 16) * 4) + Draw.FromIndex(index, SessionSalt, 4);

    /// <summary>Strictly increasing: second i plus a jitter below one second, from the index alone.</summary>
    public static DateTime TimestampOf(long index) =>
        Start.AddTicks((index * TimeSpan.TicksPerSecond) + (Draw.FromIndex(index, JitterSalt, 1000) * TimeSpan.TicksPerMillisecond));

    public void Generate(ItemContext context, Dictionary<string, AttributeValue> item)
    {
        long session = SessionOf(context.Index);
        long userId = ((session / 4) * 2) + Draw.FromIndex(session, UserSalt, 2);
        // A GUID-shaped id from the session number: stable, unique per session, and it looks like what apps store.
        var sessionId = new Guid(unchecked((int)DeterministicHash.Of(session, 1)), (short)DeterministicHash.Of(session, 2), (short)DeterministicHash.Of(session, 3),
            BitConverter.GetBytes(DeterministicHash.Of(session, 4))).ToString("D", CultureInfo.InvariantCulture);

        var random = context.Stream(EventSalt);
        string eventType = random.Weighted(EventTypes, EventWeights);
        string page = random.Weighted(Pages, PageWeights);
        if (page == "/products")
            page += "/" + ((long)(random.NextDouble() * random.NextDouble() * Catalog.Products)).ToString(CultureInfo.InvariantCulture);
        long durationMs = Math.Clamp((long)Math.Exp(6.5 + (1.2 * random.Normal())), 5, 600_000);

        var timestamp = Values.TimeMs(TimestampOf(context.Index));
        item["sessionId"] = Values.S(sessionId);
        item["userId"] = Values.N(userId);
        item["eventType"] = Values.S(eventType);
        item["timestamp"] = timestamp;
        item["page"] = Values.S(page);
        item["durationMs"] = Values.N(durationMs);
        item[ItemAttributes.Version] = Values.N(1);
        item[ItemAttributes.UpdatedAt] = new AttributeValue { S = timestamp.S };
    }
}
