using System.Text.Json;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Transactions;

/// <summary>Why one action of a cancelled transaction failed (<c>None</c> when it did not).</summary>
/// <param name="Item">The item as stored, for ConditionalCheckFailed with ReturnValuesOnConditionCheckFailure ALL_OLD.</param>
internal readonly record struct CancellationReason(string Code, string? Message = null, string? Item = null)
{
    public const string ConditionalCheckFailedCode = "ConditionalCheckFailed";
    public const string TransactionConflictCode = "TransactionConflict";
    public const string ValidationErrorCode = "ValidationError";

    public static readonly CancellationReason None = new("None");

    public static readonly CancellationReason Conflict = new(TransactionConflictCode, "Transaction is ongoing for the item");

    public static CancellationReason ConditionFailed(string? item) => new(ConditionalCheckFailedCode, "The conditional request failed", item);
}

/// <summary>The transaction errors of the DynamoDB API, in its JSON shape (the cancellation carries <c>Message</c> with a capital M, as DynamoDB sends it).</summary>
internal static class TransactionErrors
{
    public const string CancelledPrefix = "Transaction cancelled, please refer cancellation reasons for specific reasons ";

    public static WireResponse Canceled(IReadOnlyList<CancellationReason> reasons)
    {
        var body = new PooledBuffer(512);
        using (var writer = new Utf8JsonWriter(body, DynamoErrors.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", DynamoErrors.DynamoNamespace + "TransactionCanceledException");
            writer.WriteString("Message", CancelledPrefix + "[" + string.Join(", ", reasons.Select(r => r.Code)) + "]");
            writer.WritePropertyName("CancellationReasons");
            writer.WriteStartArray();
            foreach (var reason in reasons)
            {
                writer.WriteStartObject();
                writer.WriteString("Code", reason.Code);
                if (reason.Message is not null)
                    writer.WriteString("Message", reason.Message);
                if (reason.Item is not null)
                {
                    writer.WritePropertyName("Item");
                    writer.WriteRawValue(reason.Item, skipInputValidation: true);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var response = WireResponse.Json(400, body);
        response.Outcome = AttemptOutcome.Served;
        return response;
    }

    /// <summary>A single write to an item a TransactWriteItems holds.</summary>
    public static WireResponse Conflict() =>
        DynamoErrors.Create(400, DynamoErrors.DynamoNamespace + "TransactionConflictException", "Transaction is ongoing for the item");

    public static WireResponse InProgress() =>
        DynamoErrors.Create(400, DynamoErrors.DynamoNamespace + "TransactionInProgressException", "The transaction with the given request token is already in progress.");

    public static WireResponse TokenReused() =>
        DynamoErrors.Create(400, DynamoErrors.DynamoNamespace + "IdempotentParameterMismatchException", "The request uses the same client token as a previous, but non-identical request.");

    public static WireResponse NoSuchTable() =>
        DynamoErrors.Create(400, DynamoErrors.DynamoNamespace + "ResourceNotFoundException", "Requested resource not found");

    public static WireResponse MultipleOperationsOnOneItem() =>
        DynamoErrors.Validation("Transaction request cannot include multiple operations on one item");

    public static WireResponse TooManyActions(int count) => DynamoErrors.Validation(
        $"1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to {TransactionLimits.MaxActions} (it has {count})");

    public static WireResponse NoActions() => DynamoErrors.Validation(
        "1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");

    public static WireResponse TooLarge() =>
        DynamoErrors.Validation("Transaction request cannot be larger than 4 MB");
}

/// <summary>DynamoDB's transaction limits (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-dynamodb-transactions).</summary>
internal static class TransactionLimits
{
    public const int MaxActions = 100;

    public const int MaxRequestBytes = 4 * 1024 * 1024;
}
