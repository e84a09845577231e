using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// GetItem: <c>rd(size, SC/EC)</c>, one block for a missing item (docs/capacity-model.md §4). Admitted on the shadow's size (or one
/// block; debt mode); charged on the size of the item returned — or, when a projection trims it, the
/// stored size the shadow knows.
/// </summary>
internal static class GetItemHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        var table = await context.Services.Tables.EnsureAsync(JsonRead.RequireString(request, "TableName"), context);
        if (table is null)
            return WireResponse.Unchanged(await context.ForwardAsync());
        var key = KeyCodec.Read(table, JsonRead.RequireObject(request, "Key"));
        var kind = Respond.ReadKindOf(request);
        var shadow = context.Services.Shadows.For(table.Name);
        var known = shadow.Lookup(key.Id);

        var estimate = new ChargeSheet();
        estimate.AddTable(table.Name, CapacityDimension.Read, context.Services.Costs.Read(known.Item?.Bytes ?? 0, kind), key.PartitionHash, key.Text);
        if (Respond.Refusal(context, estimate) is { } throttle)
            return throttle;

        var upstream = await context.ForwardAsync();
        if (!upstream.IsSuccess)
            return WireResponse.Unchanged(upstream);
        long bytes;
        using (var document = JsonDocument.Parse(upstream.Body.Memory))
        {
            var item = JsonRead.Object(document.RootElement, "Item");
            bool projected = Respond.Projects(request);
            if (item is null)
            {
                bytes = 0;
                if (!known.Known)
                    shadow.Store(key.Id, null);
            }
            else if (projected)
            {
                bytes = known.Item?.Bytes ?? ItemSizer.OfItem(item.Value);
            }
            else
            {
                var image = known.Known ? null : ShadowBuilder.Build(table, item.Value);
                if (image is not null)
                    shadow.Store(key.Id, image);
                bytes = image?.Bytes ?? ItemSizer.OfItem(item.Value);
            }
        }

        var actual = new ChargeSheet();
        actual.AddTable(table.Name, CapacityDimension.Read, context.Services.Costs.Read(bytes, kind), key.PartitionHash, key.Text);
        Respond.Settle(context, actual);
        return Respond.WithSingleCapacity(upstream, ConsumedCapacityWriter.ModeOf(request), table.Name, actual, CapacityShape.NoIndexes);
    }
}
