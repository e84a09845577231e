using System.Text.Json;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Operations;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Transactions;

/// <summary>
/// Reads a TransactWriteItems or TransactGetItems into its actions and checks DynamoDB's limits: 1 to 100
/// actions, 4 MB, one action per item, tables that exist, keys that match their schema. Outcomes are values:
/// the actions, or the error to answer.
/// </summary>
internal static class TransactionRequest
{
    public static async Task<(List<TransactionAction>? Actions, WireResponse? Error)> ParseAsync(OperationContext context, bool write)
    {
        if (context.Body.Length > TransactionLimits.MaxRequestBytes)
            return (null, TransactionErrors.TooLarge());
        var entries = JsonRead.Array(context.Root, "TransactItems") ?? throw new RequestShapeException("TransactItems must be a list.");
        int count = entries.GetArrayLength();
        if (count == 0)
            return (null, TransactionErrors.NoActions());
        if (count > TransactionLimits.MaxActions)
            return (null, TransactionErrors.TooManyActions(count));

        var actions = new List<TransactionAction>(count);
        var seen = new HashSet<ItemRef>();
        foreach (var entry in entries.EnumerateArray())
        {
            string member;
            TransactionActionKind kind;
            if (write)
            {
                member = TransactionAction.KindMember(entry, out kind) is { } found && kind != TransactionActionKind.Get
                    ? found
                    : throw new RequestShapeException("A write transaction's action must be Put, Update, Delete or ConditionCheck.");
            }
            else
            {
                member = "Get";
                kind = TransactionActionKind.Get;
            }

            var body = JsonRead.RequireObject(entry, member);
            var table = await context.Services.Tables.EnsureAsync(JsonRead.RequireString(body, "TableName"), context);
            if (table is null)
                return (null, TransactionErrors.NoSuchTable());
            var source = kind == TransactionActionKind.Put ? JsonRead.RequireObject(body, "Item") : JsonRead.RequireObject(body, "Key");
            PrimaryKey key;
            try
            {
                key = KeyCodec.Read(table, source);
            }
            catch (RequestShapeException)
            {
                return (null, DynamoErrors.Validation("The provided key element does not match the schema"));
            }

            var action = new TransactionAction(kind, table, key, body, source);
            if (!seen.Add(action.Ref))
                return (null, TransactionErrors.MultipleOperationsOnOneItem());
            actions.Add(action);
        }

        return (actions, null);
    }

    /// <summary>TransactionConflict on the actions whose items something else holds, None on the rest.</summary>
    public static WireResponse Conflicts(int actions, List<int> held) =>
        TransactionErrors.Canceled([.. Enumerable.Range(0, actions).Select(i => held.Contains(i) ? CancellationReason.Conflict : CancellationReason.None)]);

    /// <summary>Reads an item as stored now (cost-free, strongly consistent): its JSON, or null when absent.</summary>
    public static async Task<(UpstreamResponse? Failure, string? Item)> ReadAsync(OperationContext context, TransactionAction action, bool projected)
    {
        using var body = new PooledBuffer(256);
        using (var writer = new Utf8JsonWriter(body, DynamoErrors.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", action.Table.Name);
            writer.WritePropertyName("Key");
            Shadow.ItemLookup.WriteKey(writer, action.Table, action.KeySource);
            writer.WriteBoolean("ConsistentRead", true);
            if (projected)
            {
                foreach (string member in (string[])["ProjectionExpression", "ExpressionAttributeNames"])
                {
                    if (JsonRead.Member(action.Body, member) is { } value)
                    {
                        writer.WritePropertyName(member);
                        value.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
        }

        var answer = await context.SideCallAsync("GetItem", body.Memory);
        if (!answer.IsSuccess)
            return (answer, null);
        using (answer)
        {
            using var document = JsonDocument.Parse(answer.Body.Memory);
            return (null, JsonRead.Object(document.RootElement, "Item")?.GetRawText());
        }
    }
}
