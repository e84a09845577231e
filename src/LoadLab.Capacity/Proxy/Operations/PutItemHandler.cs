using System.Text.Json;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// PutItem: <c>wr(max(old, new))</c> plus the index arms (§1.6), priced exactly before admission from the
/// request's item and the shadow's old image. With ReturnValues=ALL_OLD the answer's old image replaces
/// the shadow's (exact even under concurrent writers of the same key).
/// </summary>
internal static class PutItemHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        var table = await context.Services.Tables.EnsureAsync(JsonRead.RequireString(request, "TableName"), context);
        if (table is null)
            return WireResponse.Unchanged(await context.ForwardAsync());
        var item = JsonRead.RequireObject(request, "Item");
        var key = KeyCodec.Read(table, item);
        var after = ShadowBuilder.Build(table, item);
        if (WriteOutcome.TooLarge(context, after) is { } tooLarge)
            return tooLarge;
        using var claim = Transactions.SingleWriteClaim.Enter(context, table, key);
        if (claim.Refused)
            return Transactions.TransactionErrors.Conflict();
        var before = await ItemLookup.BeforeAsync(context, table, key, item);

        var estimate = new ChargeSheet();
        WriteCharges.AddWrite(estimate, context.Services.Costs, table, key, before, after);
        if (Respond.Refusal(context, estimate) is { } throttle)
            return throttle;

        var upstream = await WriteOutcome.ForwardAsync(context, table, key);
        if (!upstream.IsSuccess)
            return WriteOutcome.Failed(context, upstream, table, key, before, after.Bytes);
        if (JsonRead.String(request, "ReturnValues") == "ALL_OLD")
            before = ReturnedImage(upstream, table);
        var actual = WriteOutcome.Succeeded(context, table, key, before, after);
        return Respond.WithSingleCapacity(upstream, ConsumedCapacityWriter.ModeOf(request), table.Name, actual, CapacityShape.Standard);
    }

    /// <summary>The image an answer carries in Attributes (ALL_OLD, ALL_NEW); null when there is none.</summary>
    internal static ItemShadow? ReturnedImage(UpstreamResponse upstream, Tables.TableInfo table)
    {
        using var document = JsonDocument.Parse(upstream.Body.Memory);
        return JsonRead.Object(document.RootElement, "Attributes") is { } attributes ? ShadowBuilder.Build(table, attributes) : null;
    }
}
