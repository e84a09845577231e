using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// TransactGetItems: all or nothing, each item <c>rd(size, TXN)</c> = 2 units per 4 KB. Passed through to the
/// emulator (dynalite answers that it does not know the operation); only a successful answer is charged.
/// </summary>
internal static class TransactGetHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        var actions = new List<TransactionAction>();
        foreach (var entry in (JsonRead.Array(request, "TransactItems") ?? throw new RequestShapeException("TransactItems must be a list.")).EnumerateArray())
        {
            var body = JsonRead.RequireObject(entry, "Get");
            var table = await context.Services.Tables.EnsureAsync(JsonRead.RequireString(body, "TableName"), context);
            if (table is null)
                return WireResponse.Unchanged(await context.ForwardAsync());
            var keySource = JsonRead.RequireObject(body, "Key");
            var action = new TransactionAction(TransactionActionKind.Get, table, KeyCodec.Read(table, keySource), body, keySource);
            action.Before = context.Services.Shadows.For(table.Name).Lookup(action.Key.Id).Item;
            actions.Add(action);
        }

        var estimate = new ChargeSheet();
        foreach (var action in actions)
            estimate.AddTable(action.Table.Name, CapacityDimension.Read, context.Services.Costs.Read(action.Before?.Bytes ?? 0, ReadKind.Transactional), action.Key.PartitionHash, action.Key.Text);
        if (Respond.Refusal(context, estimate) is { } throttle)
            return throttle;

        var upstream = await context.ForwardAsync();
        if (!upstream.IsSuccess)
            return WireResponse.Unchanged(upstream);
        var actual = new ChargeSheet();
        using (var document = JsonDocument.Parse(upstream.Body.Memory))
        {
            var responses = JsonRead.Array(document.RootElement, "Responses");
            for (int i = 0; i < actions.Count; i++)
            {
                var action = actions[i];
                var item = responses is { } r && i < r.GetArrayLength() ? JsonRead.Object(r[i], "Item") : null;
                long? returned = item is { } found ? ItemSizer.OfItem(found) : null;
                long bytes = Respond.Projects(action.Body) ? action.Before?.Bytes ?? returned ?? 0 : returned ?? 0;
                actual.AddTable(action.Table.Name, CapacityDimension.Read, context.Services.Costs.Read(bytes, ReadKind.Transactional), action.Key.PartitionHash, action.Key.Text);
            }
        }

        Respond.Settle(context, actual);
        var tables = actions.Select(a => a.Table.Name).Distinct(StringComparer.Ordinal).ToList();
        var mode = ConsumedCapacityWriter.ModeOf(request);
        return Respond.Edited(upstream, mode, w => ConsumedCapacityWriter.WriteArray(w, mode, tables, actual, new CapacityShape(false, CapacityDimension.Read)));
    }
}
