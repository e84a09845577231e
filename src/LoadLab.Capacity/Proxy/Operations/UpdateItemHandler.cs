using System.Text.Json;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// UpdateItem: <c>wr(max(before, after))</c> plus index arms. The after image is unknown until the update
/// ran, so admission estimates "same size, every index entry rewritten" (debt mode settles the truth), and
/// the proxy asks the emulator for ReturnValues=ALL_NEW when the client asked for nothing (stripped from
/// the answer); with UPDATED_* or ALL_OLD it reads the new image with a cost-free GetItem instead.
/// </summary>
internal static class UpdateItemHandler
{
    private const string ReturnValues = "ReturnValues";

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
        WriteCharges.AddWrite(estimate, context.Services.Costs, table, key, before, Guess(before, keyElement));
        if (Respond.Refusal(context, estimate) is { } throttle)
            return throttle;

        string returnValues = JsonRead.String(request, ReturnValues) ?? "NONE";
        bool inject = returnValues == "NONE";
        using var edited = inject ? JsonSplice.Rewrite(context.Body.Span, [ReturnValues], w => w.WriteString(ReturnValues, "ALL_NEW")) : null;
        var upstream = await WriteOutcome.ForwardAsync(context, table, key, edited?.Memory);
        if (!upstream.IsSuccess)
            return WriteOutcome.Failed(context, upstream, table, key, before, before?.Bytes ?? 0);

        ItemShadow? after;
        if (inject || returnValues == "ALL_NEW")
        {
            after = PutItemHandler.ReturnedImage(upstream, table);
        }
        else
        {
            if (returnValues == "ALL_OLD")
                before = PutItemHandler.ReturnedImage(upstream, table);
            var fetched = await ItemLookup.FetchAsync(context, table, keyElement);
            after = fetched.Found ? fetched.Item : Guess(before, keyElement);
        }

        var actual = WriteOutcome.Succeeded(context, table, key, before, after);
        var mode = ConsumedCapacityWriter.ModeOf(request);
        return inject
            ? Respond.WithSingleCapacity(upstream, mode, table.Name, actual, CapacityShape.Standard, "Attributes")
            : Respond.WithSingleCapacity(upstream, mode, table.Name, actual, CapacityShape.Standard);
    }

    /// <summary>
    /// The after image assumed before the update runs: the same size with every present index entry changed
    /// (so GSI back-pressure is checked), or just the key for an item the update will create.
    /// </summary>
    internal static ItemShadow Guess(ItemShadow? before, JsonElement key) =>
        before is null
            ? new ItemShadow((int)Math.Min(int.MaxValue, ItemSizer.OfItem(key)), [])
            : before with { Entries = before.Entries.Select(e => e.Present ? e with { ProjectionFingerprint = ~e.ProjectionFingerprint } : e).ToArray() };
}
