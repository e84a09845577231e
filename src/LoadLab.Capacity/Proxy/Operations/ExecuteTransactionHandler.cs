using System.Text.Json;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.PartiQL;
using LoadLab.Capacity.Proxy.Transactions;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// ExecuteTransaction: the statements become one TransactWriteItems (INSERT → Put with attribute_not_exists,
/// UPDATE → Update with attribute_exists, DELETE → Delete) or one TransactGetItems (every SELECT naming one item),
/// carried out by the proxy's transaction handlers — conflicts, idempotency with ClientRequestToken, 2× cost,
/// TransactionCanceledException with CancellationReasons in statement order, where an INSERT of an existing item
/// reads DuplicateItem. Reads and writes in one transaction are refused, as DynamoDB refuses them.
/// </summary>
internal static class ExecuteTransactionHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var entries = JsonRead.Array(context.Root, "TransactStatements") ?? throw new RequestShapeException("TransactStatements must be a list.");
        int count = entries.GetArrayLength();
        if (count == 0)
            return DynamoErrors.Validation("1 validation error detected: Value at 'transactStatements' failed to satisfy constraint: Member must have length greater than or equal to 1");
        if (count > TransactionLimits.MaxActions)
            return DynamoErrors.Validation($"1 validation error detected: Value at 'transactStatements' failed to satisfy constraint: Member must have length less than or equal to {TransactionLimits.MaxActions} (it has {count})");

        var statements = new List<TranslatedStatement>(count);
        foreach (var entry in entries.EnumerateArray())
        {
            var (statement, _, error) = await StatementExecution.PrepareAsync(context, entry, StatementExecution.OptionsOf(entry, null) with { ConsistentRead = false });
            if (error is not null)
                return error;
            statements.Add(statement!);
        }

        bool reads = statements[0].IsRead;
        if (statements.Any(s => s.IsRead != reads))
            return DynamoErrors.Validation("ExecuteTransaction does not support both read and write statements in the same request.");
        if (reads && statements.Any(s => !s.IsSingleItemRead))
            return DynamoErrors.Validation(PartiQL.Messages.MissingKeyEquality);

        var transaction = Transaction(context.Root, statements, reads);
        using var document = JsonDocument.Parse(transaction);
        var inner = context.Translated(reads ? DynamoOperation.TransactGetItems : DynamoOperation.TransactWriteItems, transaction, document.RootElement);
        WireResponse response;
        try
        {
            response = reads ? await TransactGetHandler.HandleAsync(inner) : await TransactWriteHandler.HandleAsync(inner);
        }
        catch (Exception ex) when (ProxyDispatcher.IsUnpriceable(ex))
        {
            // A statement's key does not fit its table: the transaction handlers' own request checks failed.
            return DynamoErrors.Validation("The provided key element does not match the schema");
        }

        if (response.Status == 200)
            return reads ? response : WithResponses(response, count);
        if (!StatementExecution.IsError(response, "TransactionCanceledException") || !statements.Any(s => s.IsInsert))
            return response;
        using (response)
            return DuplicateItems(response, statements);
    }

    /// <summary>The TransactWriteItems or TransactGetItems the statements stand for.</summary>
    private static byte[] Transaction(JsonElement request, List<TranslatedStatement> statements, bool reads)
    {
        using var buffer = new PooledBuffer(1024);
        using (var w = new Utf8JsonWriter(buffer, DynamoErrors.WriterOptions))
        {
            w.WriteStartObject();
            w.WritePropertyName("TransactItems");
            w.WriteStartArray();
            foreach (var statement in statements)
            {
                w.WriteStartObject();
                w.WritePropertyName(statement.Operation switch
                {
                    DynamoOperation.GetItem => "Get",
                    DynamoOperation.PutItem => "Put",
                    DynamoOperation.UpdateItem => "Update",
                    _ => "Delete",
                });
                w.WriteRawValue(statement.Body, skipInputValidation: true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            foreach (string member in reads ? ["ReturnConsumedCapacity"] : (string[])["ReturnConsumedCapacity", "ClientRequestToken"])
            {
                if (JsonRead.String(request, member) is { } value)
                    w.WriteString(member, value);
            }

            w.WriteEndObject();
        }

        return buffer.Span.ToArray();
    }

    /// <summary>A committed write transaction answers one empty response per statement, beside its ConsumedCapacity.</summary>
    private static WireResponse WithResponses(WireResponse committed, int count)
    {
        using (committed)
        {
            var body = JsonSplice.Rewrite(committed.Body.Span, ["Responses"], w =>
            {
                w.WritePropertyName("Responses");
                w.WriteStartArray();
                for (int i = 0; i < count; i++)
                {
                    w.WriteStartObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            });
            return WireResponse.Json(200, body, committed.RequestId);
        }
    }

    /// <summary>The cancellation with an INSERT's failed attribute_not_exists read as DuplicateItem.</summary>
    private static WireResponse DuplicateItems(WireResponse cancelled, List<TranslatedStatement> statements)
    {
        using var document = JsonDocument.Parse(cancelled.Body);
        var reasons = new List<CancellationReason>();
        int i = 0;
        foreach (var reason in JsonRead.Array(document.RootElement, "CancellationReasons")?.EnumerateArray() ?? default)
        {
            string code = JsonRead.String(reason, "Code") ?? "None";
            reasons.Add(i < statements.Count && statements[i].IsInsert && code == CancellationReason.ConditionalCheckFailedCode
                ? new CancellationReason("DuplicateItem", StatementExecution.DuplicateItemMessage)
                : new CancellationReason(code, StatementExecution.ErrorMessage(reason), JsonRead.Object(reason, "Item")?.GetRawText()));
            i++;
        }

        return TransactionErrors.Canceled(reasons);
    }
}
