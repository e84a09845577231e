using System.Text.Json;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.PartiQL;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// BatchExecuteStatement: up to 25 statements, all reads (each a SELECT naming one item: a GetItem) or all writes,
/// each run through its own operation's handler — admitted, throttled and charged on its own, as DynamoDB does per
/// statement — and answered in order: <c>TableName</c> and <c>Item</c> on success, <c>Error {Code, Message}</c>
/// otherwise (ConditionalCheckFailed, DuplicateItem, ProvisionedThroughputExceeded, ValidationError, …).
/// ConsumedCapacity is one entry per table, the sum of what the statements settled.
/// </summary>
internal static class BatchExecuteStatementHandler
{
    public const int MaxStatements = 25;

    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var entries = JsonRead.Array(context.Root, "Statements") ?? throw new RequestShapeException("Statements must be a list.");
        int count = entries.GetArrayLength();
        if (count == 0)
            return DynamoErrors.Validation("1 validation error detected: Value '[]' at 'statements' failed to satisfy constraint: Member must have length greater than or equal to 1");
        if (count > MaxStatements)
            return DynamoErrors.Validation($"1 validation error detected: Value at 'statements' failed to satisfy constraint: Member must have length less than or equal to {MaxStatements}");

        var prepared = new List<(TranslatedStatement? Statement, string? Table, WireResponse? Error)>(count);
        try
        {
            foreach (var entry in entries.EnumerateArray())
                prepared.Add(await StatementExecution.PrepareAsync(context, entry, StatementExecution.OptionsOf(entry, null)));
            var kinds = prepared.Where(p => p.Statement is not null).Select(p => p.Statement!.IsRead).Distinct().ToList();
            if (kinds.Count > 1)
                return DynamoErrors.Validation("Read and write requests together in the same batch is not supported.");
            bool reads = kinds is [true];

            var settled = new ChargeSheet();
            var results = new List<(string? Table, string? Item, string? Code, string? Message, string? FailedItem)>(count);
            int throttled = 0;
            foreach (var (statement, table, error) in prepared)
            {
                if (error is not null)
                {
                    results.Add(Failure(error));
                    continue;
                }

                if (statement!.IsRead && !statement.IsSingleItemRead)
                {
                    results.Add((null, null, "ValidationError", PartiQL.Messages.MissingKeyEquality, null));
                    continue;
                }

                using var response = await StatementExecution.RunAsync(context, statement, settled);
                if (response.Outcome == AttemptOutcome.Throttled)
                    throttled++;
                if (response.Status == 200)
                {
                    using var document = JsonDocument.Parse(response.Body);
                    results.Add((table, JsonRead.Object(document.RootElement, "Item")?.GetRawText(), null, null, null));
                }
                else if (statement.IsInsert && StatementExecution.IsError(response, WriteOutcome.ConditionalCheckFailed))
                {
                    results.Add((null, null, "DuplicateItem", StatementExecution.DuplicateItemMessage, null));
                }
                else
                {
                    results.Add(Failure(response));
                }
            }

            var mode = ConsumedCapacityWriter.ModeOf(context.Root);
            var tables = prepared.Where(p => p.Statement is not null).Select(p => p.Table!).Distinct(StringComparer.Ordinal).ToList();
            var body = JsonSplice.Rewrite("{}"u8, [], w =>
            {
                w.WritePropertyName("Responses");
                w.WriteStartArray();
                foreach (var (table, item, code, message, failedItem) in results)
                {
                    w.WriteStartObject();
                    if (code is not null)
                    {
                        w.WritePropertyName("Error");
                        w.WriteStartObject();
                        w.WriteString("Code", code);
                        if (message is not null)
                            w.WriteString("Message", message);
                        if (failedItem is not null)
                        {
                            w.WritePropertyName("Item");
                            w.WriteRawValue(failedItem, skipInputValidation: true);
                        }

                        w.WriteEndObject();
                    }
                    else
                    {
                        w.WriteString("TableName", table);
                        if (item is not null)
                        {
                            w.WritePropertyName("Item");
                            w.WriteRawValue(item, skipInputValidation: true);
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                ConsumedCapacityWriter.WriteArray(w, mode, tables, settled, reads ? CapacityShape.NoIndexes : CapacityShape.Standard);
            });
            var answer = WireResponse.Json(200, body);
            if (throttled > 0)
                answer.Outcome = throttled == count ? AttemptOutcome.Throttled : AttemptOutcome.PartiallyThrottled;
            return answer;
        }
        finally
        {
            foreach (var (_, _, error) in prepared)
                error?.Dispose();
        }
    }

    /// <summary>An error answer as a statement's Error: DynamoDB's batch code for the exception, its message, and the item of a failed condition.</summary>
    private static (string? Table, string? Item, string? Code, string? Message, string? FailedItem) Failure(WireResponse error)
    {
        string type = UpstreamResponse.ReadErrorType(error.Body.Span) ?? "InternalServerError";
        string? message = null;
        string? item = null;
        try
        {
            using var document = JsonDocument.Parse(error.Body);
            message = StatementExecution.ErrorMessage(document.RootElement);
            item = JsonRead.Object(document.RootElement, "Item")?.GetRawText();
        }
        catch (JsonException)
        {
            // A body that is no JSON: the code alone.
        }

        return (null, null, Code(type), message, item);
    }

    /// <summary>BatchStatementError's codes (the API reference's BatchStatementErrorCodeEnum) for the exceptions of the item API.</summary>
    internal static string Code(string exception) => exception switch
    {
        "ConditionalCheckFailedException" => "ConditionalCheckFailed",
        "ItemCollectionSizeLimitExceededException" => "ItemCollectionSizeLimitExceeded",
        "RequestLimitExceeded" => "RequestLimitExceeded",
        "ValidationException" => "ValidationError",
        "ProvisionedThroughputExceededException" => "ProvisionedThroughputExceeded",
        "TransactionConflictException" => "TransactionConflict",
        "ThrottlingException" => "ThrottlingError",
        "ResourceNotFoundException" => "ResourceNotFound",
        "AccessDeniedException" => "AccessDenied",
        "DuplicateItemException" => "DuplicateItem",
        _ => "InternalServerError",
    };
}
