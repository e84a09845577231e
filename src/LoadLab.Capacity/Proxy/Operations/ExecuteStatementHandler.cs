using System.Text.Json;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.PartiQL;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// ExecuteStatement, carried out by the proxy as the statement's GetItem, Query, PutItem, UpdateItem or DeleteItem
/// (<see cref="StatementTranslator"/>), charged as that operation. The answer is reshaped into DynamoDB's:
/// <c>Items</c> (the item, the page, or empty for a write), <c>NextToken</c> and <c>LastEvaluatedKey</c> when a
/// Query page ended early, and the operation's <c>ConsumedCapacity</c> when asked; an INSERT of an existing item
/// is DuplicateItemException.
/// </summary>
internal static class ExecuteStatementHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        JsonDocument? start = null;
        try
        {
            if (JsonRead.String(request, "NextToken") is { } token)
                start = NextTokens.Decode(token);
        }
        catch (PartiqlException ex)
        {
            return DynamoErrors.Validation(ex.Message);
        }

        using (start)
        {
            var options = StatementExecution.OptionsOf(request, JsonRead.String(request, "ReturnConsumedCapacity")) with
            {
                Limit = JsonRead.Number(request, "Limit") is { } limit ? (int)limit : null,
                ExclusiveStartKey = start?.RootElement,
            };
            var (statement, _, error) = await StatementExecution.PrepareAsync(context, request, options);
            if (error is not null)
                return error;
            var response = await StatementExecution.RunAsync(context, statement!);
            if (response.Status != 200)
            {
                if (!statement!.IsInsert || !StatementExecution.IsError(response, WriteOutcome.ConditionalCheckFailed))
                    return response;
                response.Dispose();
                return StatementExecution.DuplicateItem();
            }

            using (response)
                return Reshape(response);
        }
    }

    /// <summary>GetItem's <c>Item</c> or Query's <c>Items</c> as <c>Items</c>; the rest of either answer but ConsumedCapacity dropped.</summary>
    private static WireResponse Reshape(WireResponse answer)
    {
        using var document = JsonDocument.Parse(answer.Body);
        var root = document.RootElement;
        var body = JsonSplice.Rewrite("{}"u8, [], w =>
        {
            w.WritePropertyName("Items");
            if (JsonRead.Array(root, "Items") is { } items)
            {
                items.WriteTo(w);
            }
            else
            {
                w.WriteStartArray();
                if (JsonRead.Object(root, "Item") is { } item)
                    item.WriteTo(w);
                w.WriteEndArray();
            }

            if (JsonRead.Object(root, "LastEvaluatedKey") is { } last)
            {
                w.WriteString("NextToken", NextTokens.Encode(last));
                w.WritePropertyName("LastEvaluatedKey");
                last.WriteTo(w);
            }

            if (JsonRead.Object(root, Charges.ConsumedCapacityWriter.PropertyName) is { } capacity)
            {
                w.WritePropertyName(Charges.ConsumedCapacityWriter.PropertyName);
                capacity.WriteTo(w);
            }
        });
        return WireResponse.Json(200, body, answer.RequestId);
    }
}
