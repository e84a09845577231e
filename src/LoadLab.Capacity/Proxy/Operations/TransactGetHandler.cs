using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Transactions;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// TransactGetItems, carried out by the proxy (dynalite has no transactions): all or nothing, each item
/// <c>rd(size, TXN)</c> = 2 units per 4 KB. The items are held against writes while they are read, so the
/// answer is one consistent snapshot; a transactional or single write in flight on one of them cancels the
/// call with TransactionConflict, as in DynamoDB.
/// </summary>
internal static class TransactGetHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var (parsed, invalid) = await TransactionRequest.ParseAsync(context, write: false);
        if (invalid is not null)
            return invalid;
        var actions = parsed!;
        var estimate = new ChargeSheet();
        foreach (var action in actions)
        {
            action.Before = context.Services.Shadows.For(action.Table.Name).Lookup(action.Key.Id).Item;
            estimate.AddTable(action.Table.Name, CapacityDimension.Read, context.Services.Costs.Read(action.Before?.Bytes ?? 0, ReadKind.Transactional), action.Key.PartitionHash, action.Key.Text);
        }

        var refs = actions.Select(a => a.Ref).ToList();
        var held = context.Services.Locks.TryLockForRead(refs);
        if (held.Count > 0)
            return TransactionRequest.Conflicts(actions.Count, held);
        (UpstreamResponse? Failure, string? Item)[] reads;
        try
        {
            if (Respond.Refusal(context, estimate) is { } throttle)
                return throttle;
            reads = await Task.WhenAll(actions.Select(a => TransactionRequest.ReadAsync(context, a, projected: true)));
        }
        finally
        {
            context.Services.Locks.UnlockRead(refs);
        }

        if (reads.FirstOrDefault(r => r.Failure is not null).Failure is { } failure)
        {
            foreach (var (other, _) in reads.Where(r => r.Failure is not null && !ReferenceEquals(r.Failure, failure)))
                other!.Dispose();
            return WireResponse.Unchanged(failure);
        }

        var actual = new ChargeSheet();
        for (int i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            long? returned = reads[i].Item is { } item ? ItemSizer.OfItem(JsonDocument.Parse(item).RootElement) : null;
            long bytes = Respond.Projects(action.Body) ? action.Before?.Bytes ?? returned ?? 0 : returned ?? 0;
            actual.AddTable(action.Table.Name, CapacityDimension.Read, context.Services.Costs.Read(bytes, ReadKind.Transactional), action.Key.PartitionHash, action.Key.Text);
        }

        Respond.Settle(context, actual);
        var tables = actions.Select(a => a.Table.Name).Distinct(StringComparer.Ordinal).ToList();
        var mode = ConsumedCapacityWriter.ModeOf(context.Root);
        var body = JsonSplice.Rewrite("{}"u8, [], w =>
        {
            w.WritePropertyName("Responses");
            w.WriteStartArray();
            foreach (var (_, item) in reads)
            {
                w.WriteStartObject();
                if (item is not null)
                {
                    w.WritePropertyName("Item");
                    w.WriteRawValue(item, skipInputValidation: true);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            ConsumedCapacityWriter.WriteArray(w, mode, tables, actual, new CapacityShape(false, CapacityDimension.Read));
        });
        return WireResponse.Json(200, body);
    }
}
