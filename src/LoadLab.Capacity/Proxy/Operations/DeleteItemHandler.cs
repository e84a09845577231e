using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>DeleteItem: <c>wr(old)</c>, or 1 when the item is missing, plus removing its index entries.</summary>
internal static class DeleteItemHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        var table = await context.Services.Tables.EnsureAsync(JsonRead.RequireString(request, "TableName"), context);
        if (table is null)
            return WireResponse.Unchanged(await context.ForwardAsync());
        var keyElement = JsonRead.RequireObject(request, "Key");
        var key = KeyCodec.Read(table, keyElement);
        using var claim = Transactions.SingleWriteClaim.Enter(context, table, key);
        if (claim.Refused)
            return Transactions.TransactionErrors.Conflict();
        var before = await ItemLookup.BeforeAsync(context, table, key, keyElement);

        var estimate = new ChargeSheet();
        WriteCharges.AddWrite(estimate, context.Services.Costs, table, key, before, null);
        if (Respond.Refusal(context, estimate) is { } throttle)
            return throttle;

        var upstream = await WriteOutcome.ForwardAsync(context, table, key);
        if (!upstream.IsSuccess)
            return WriteOutcome.Failed(context, upstream, table, key, before, 0);
        if (JsonRead.String(request, "ReturnValues") == "ALL_OLD")
            before = PutItemHandler.ReturnedImage(upstream, table);
        var actual = WriteOutcome.Succeeded(context, table, key, before, null);
        return Respond.WithSingleCapacity(upstream, ConsumedCapacityWriter.ModeOf(request), table.Name, actual, CapacityShape.Standard);
    }
}
