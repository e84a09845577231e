using System.Text.Json;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Operations;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Transactions;

/// <summary>
/// Carries out a TransactWriteItems on an emulator without transactions, while the proxy holds every item
/// of it (<see cref="ItemLockTable"/>): each action becomes its single-item write with its own condition
/// (a ConditionCheck an UpdateItem that changes nothing), in request order. Each item appears once, so an
/// action's condition sees the item as it was before the transaction whatever ran before it. Every action is
/// tried, so all failed conditions are reported; if any failed, the applied ones are undone from the images
/// read first, and the client gets TransactionCanceledException with a reason per action in order.
/// </summary>
/// <remarks>
/// What DynamoDB isolates and this does not: a plain GetItem, Query or Scan of an item during the few
/// milliseconds of a transaction that is then cancelled can see a write that is rolled back. Writes to those
/// items are refused meanwhile (TransactionConflictException), as DynamoDB refuses them.
/// </remarks>
internal static class TransactWriteExecution
{
    private static readonly string[] ConditionMembers = ["TableName", "Key", "ConditionExpression", "ExpressionAttributeNames", "ExpressionAttributeValues"];

    /// <summary>Reads every item as stored now; an emulator error (its answer) ends the transaction before anything was written.</summary>
    public static async Task<UpstreamResponse?> ReadImagesAsync(OperationContext context, List<TransactionAction> actions)
    {
        var reads = await Task.WhenAll(actions.Select(a => TransactionRequest.ReadAsync(context, a, projected: false)));
        UpstreamResponse? failure = null;
        for (int i = 0; i < actions.Count; i++)
        {
            var (error, item) = reads[i];
            if (error is not null)
            {
                if (failure is null)
                    failure = error;
                else
                    error.Dispose();
                continue;
            }

            var action = actions[i];
            action.BeforeImage = item;
            action.Before = item is null ? null : ShadowBuilder.Build(action.Table, JsonDocument.Parse(item).RootElement);
            context.Services.Shadows.For(action.Table.Name).Store(action.Key.Id, action.Before);
        }

        return failure;
    }

    /// <summary>
    /// Applies the actions in order. Null reasons: every action succeeded. Otherwise one reason per action
    /// (the caller rolls back). A fatal answer (not a condition or validation failure) stops at once.
    /// </summary>
    public static async Task<(CancellationReason[]? Reasons, UpstreamResponse? Fatal)> ApplyAsync(OperationContext context, List<TransactionAction> actions)
    {
        var reasons = new CancellationReason[actions.Count];
        bool cancelled = false;
        for (int i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            using var request = Request(action);
            var answer = await context.SideCallAsync(Operation(action.Kind), request.Memory);
            if (answer.IsSuccess)
            {
                using (answer)
                {
                    action.Applied = true;
                    reasons[i] = CancellationReason.None;
                    if (action.Kind == TransactionActionKind.Update)
                        action.After = PutItemHandler.ReturnedImage(answer, action.Table);
                }

                continue;
            }

            if (answer.IsError(WriteOutcome.ConditionalCheckFailed))
            {
                bool returnItem = JsonRead.String(action.Body, "ReturnValuesOnConditionCheckFailure") == "ALL_OLD";
                reasons[i] = CancellationReason.ConditionFailed(returnItem ? action.BeforeImage : null);
                cancelled = true;
                answer.Dispose();
            }
            else if (answer.IsError("ValidationException"))
            {
                reasons[i] = new CancellationReason(CancellationReason.ValidationErrorCode, Message(answer));
                cancelled = true;
                answer.Dispose();
            }
            else
            {
                // Not a per-action failure (the table went away, the emulator failed): the whole call fails with it.
                return (null, answer);
            }
        }

        return (cancelled ? reasons : null, null);
    }

    /// <summary>Puts back what the applied actions changed (and removes a key-only item a ConditionCheck created), last first.</summary>
    public static async Task RollBackAsync(OperationContext context, List<TransactionAction> actions)
    {
        for (int i = actions.Count - 1; i >= 0; i--)
        {
            var action = actions[i];
            bool created = action.Kind == TransactionActionKind.ConditionCheck && action.BeforeImage is null;
            if (!action.Applied || (action.Kind == TransactionActionKind.ConditionCheck && !created))
                continue;
            using var body = Restore(action);
            using var answer = await context.SideCallAsync(action.BeforeImage is null ? "DeleteItem" : "PutItem", body.Memory);
            if (!answer.IsSuccess)
                context.Services.Shadows.For(action.Table.Name).Forget(action.Key.Id);
            action.Applied = false;
        }
    }

    /// <summary>A ConditionCheck on a missing item that passed created its key as an item: remove it.</summary>
    public static async Task TidyConditionChecksAsync(OperationContext context, List<TransactionAction> actions)
    {
        foreach (var action in actions.Where(a => a.Kind == TransactionActionKind.ConditionCheck && a.Applied && a.BeforeImage is null))
        {
            using var body = Restore(action);
            using var answer = await context.SideCallAsync("DeleteItem", body.Memory);
        }
    }

    private static string Operation(TransactionActionKind kind) => kind switch
    {
        TransactionActionKind.Put => "PutItem",
        TransactionActionKind.Delete => "DeleteItem",
        _ => "UpdateItem",
    };

    /// <summary>The action as its single-item request: its members minus the transaction-only ones.</summary>
    private static PooledBuffer Request(TransactionAction action)
    {
        var body = new PooledBuffer(512);
        using var writer = new Utf8JsonWriter(body, DynamoErrors.WriterOptions);
        writer.WriteStartObject();
        foreach (var member in action.Body.EnumerateObject())
        {
            bool keep = action.Kind == TransactionActionKind.ConditionCheck
                ? Array.IndexOf(ConditionMembers, member.Name) >= 0
                : member.Name != "ReturnValuesOnConditionCheckFailure";
            if (keep)
                member.WriteTo(writer);
        }

        if (action.Kind == TransactionActionKind.Update)
            writer.WriteString("ReturnValues", "ALL_NEW");
        writer.WriteEndObject();
        writer.Flush();
        return body;
    }

    private static PooledBuffer Restore(TransactionAction action)
    {
        var body = new PooledBuffer(512);
        using var writer = new Utf8JsonWriter(body, DynamoErrors.WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("TableName", action.Table.Name);
        if (action.BeforeImage is { } image)
        {
            writer.WritePropertyName("Item");
            writer.WriteRawValue(image, skipInputValidation: true);
        }
        else
        {
            writer.WritePropertyName("Key");
            ItemLookup.WriteKey(writer, action.Table, action.KeySource);
        }

        writer.WriteEndObject();
        writer.Flush();
        return body;
    }

    private static string? Message(UpstreamResponse answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer.Body.Memory);
            return JsonRead.String(document.RootElement, "message") ?? JsonRead.String(document.RootElement, "Message");
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
