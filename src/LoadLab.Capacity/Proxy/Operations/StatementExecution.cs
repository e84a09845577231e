using System.Text.Json;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.PartiQL;
using LoadLab.Capacity.Proxy.Transactions;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// What the three PartiQL operations share: reading one statement into the request it stands for, and running
/// that request through its own operation's handler — the same admission, pricing, charges and emulator call as
/// when a client sends it (dynalite has no PartiQL; docs/local-dynamodb.md).
/// </summary>
internal static class StatementExecution
{
    /// <summary>The statement (<c>Statement</c>, <c>Parameters</c>) as its translated request, or the error to answer.</summary>
    public static async Task<(TranslatedStatement? Statement, string? Table, WireResponse? Error)> PrepareAsync(OperationContext context, JsonElement entry, StatementOptions options)
    {
        if (JsonRead.String(entry, "Statement") is not { Length: > 0 } text)
            return (null, null, DynamoErrors.Validation("1 validation error detected: Value null at 'statement' failed to satisfy constraint: Member must not be null"));
        try
        {
            var parsed = Parser.Parse(text);
            var table = await context.Services.Tables.EnsureAsync(parsed.Table, context);
            if (table is null)
                return (null, parsed.Table, TransactionErrors.NoSuchTable());
            return (StatementTranslator.Translate(parsed, JsonRead.Array(entry, "Parameters"), table, options), table.Name, null);
        }
        catch (PartiqlException ex)
        {
            return (null, null, DynamoErrors.Validation(ex.Message));
        }
    }

    /// <summary>
    /// Runs the translated request through its operation's handler; what it settles is added to
    /// <paramref name="settled"/>. A request the proxy cannot price goes to the emulator as that operation, whose
    /// validation message is DynamoDB's (a key of the wrong type, a missing key attribute).
    /// </summary>
    public static async Task<WireResponse> RunAsync(OperationContext context, TranslatedStatement statement, ChargeSheet? settled = null)
    {
        using var document = JsonDocument.Parse(statement.Body);
        var inner = context.Translated(statement.Operation, statement.Body, document.RootElement, settled);
        try
        {
            return await ProxyDispatcher.RouteAsync(inner);
        }
        catch (Exception ex) when (ProxyDispatcher.IsUnpriceable(ex) && !inner.Forwarded)
        {
            return WireResponse.Unchanged(await inner.ForwardAsync());
        }
    }

    /// <summary>INSERT's answer when the item exists (its PutItem's attribute_not_exists failed).</summary>
    public static WireResponse DuplicateItem()
    {
        var response = DynamoErrors.Create(400, DynamoErrors.DynamoNamespace + "DuplicateItemException", DuplicateItemMessage);
        response.Outcome = AttemptOutcome.Served;
        return response;
    }

    public const string DuplicateItemMessage = "Duplicate primary key exists in table";

    public static bool IsError(WireResponse response, string shortName) =>
        response.Status != 200 && string.Equals(UpstreamResponse.ReadErrorType(response.Body.Span), shortName, StringComparison.Ordinal);

    /// <summary>The message of an error answer (<c>message</c> or <c>Message</c>), or null.</summary>
    public static string? ErrorMessage(JsonElement error) => JsonRead.String(error, "message") ?? JsonRead.String(error, "Message");

    /// <summary>The options of one statement: its own members plus the request's ReturnConsumedCapacity.</summary>
    public static StatementOptions OptionsOf(JsonElement entry, string? returnConsumedCapacity) => new(
        ConsistentRead: JsonRead.Bool(entry, "ConsistentRead"),
        ReturnConsumedCapacity: returnConsumedCapacity,
        ReturnValuesOnConditionCheckFailure: JsonRead.String(entry, "ReturnValuesOnConditionCheckFailure"));
}
