using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// BatchGetItem: each key is admitted and priced on its own (<c>rd(size)</c>, rounded per item, one block for
/// a missing item), only admitted keys go to the emulator, refused ones come back in UnprocessedKeys.
/// </summary>
internal static class BatchGetHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        var tables = new List<BatchTable>();
        foreach (var entry in JsonRead.RequireObject(request, "RequestItems").EnumerateObject())
        {
            var table = await context.Services.Tables.EnsureAsync(entry.Name, context);
            if (table is null || entry.Value.ValueKind != JsonValueKind.Object)
                return WireResponse.Unchanged(await context.ForwardAsync());
            var batch = new BatchTable(entry.Name, table, entry.Value);
            var kind = Respond.ReadKindOf(entry.Value);
            var shadow = context.Services.Shadows.For(table.Name);
            foreach (var keyElement in (JsonRead.Array(entry.Value, "Keys") ?? throw new RequestShapeException("Keys must be a list.")).EnumerateArray())
            {
                var key = KeyCodec.Read(table, keyElement);
                var item = new BatchItem(table, key, keyElement, keyElement);
                item.Estimate.AddTable(table.Name, CapacityDimension.Read, context.Services.Costs.Read(shadow.Lookup(key.Id).Item?.Bytes ?? 0, kind), key.PartitionHash, key.Text);
                batch.Items.Add(item);
            }

            if (batch.HasDuplicateKeys)
                return WireResponse.Unchanged(await context.ForwardAsync());
            tables.Add(batch);
        }

        if (BatchAdmission.AdmitEach(context, tables) is { } throttle)
            return throttle;
        bool partial = !BatchAdmission.AllAdmitted(tables);
        using var forwarded = partial ? BatchAdmission.AdmittedRequest(context.Body.Span, tables, isGet: true) : null;
        UpstreamResponse upstream;
        try
        {
            upstream = await context.ForwardAsync(forwarded?.Memory);
        }
        catch
        {
            BatchAdmission.Release(context, tables);
            throw;
        }

        if (!upstream.IsSuccess)
        {
            BatchAdmission.Release(context, tables);
            return WireResponse.Unchanged(upstream);
        }

        var actual = Settle(context, tables, upstream);
        var mode = ConsumedCapacityWriter.ModeOf(request);
        using (upstream)
        {
            var body = JsonSplice.Rewrite(upstream.Body.Span, ["UnprocessedKeys", ConsumedCapacityWriter.PropertyName], w =>
            {
                BatchAdmission.WriteUnprocessed(w, "UnprocessedKeys", tables, isGet: true);
                ConsumedCapacityWriter.WriteArray(w, mode, tables.Select(t => t.Name), actual, CapacityShape.NoIndexes);
            });
            var response = WireResponse.Json(upstream.Status, body, upstream.RequestId);
            response.Outcome = partial ? AttemptOutcome.PartiallyThrottled : AttemptOutcome.Served;
            return response;
        }
    }

    private static ChargeSheet Settle(OperationContext context, List<BatchTable> tables, UpstreamResponse upstream)
    {
        using var document = JsonDocument.Parse(upstream.Body.Memory);
        var root = document.RootElement;
        var actual = new ChargeSheet();
        foreach (var table in tables)
        {
            actual.Touch(table.Name);
            var unprocessed = Keys(table, JsonRead.Object(root, "UnprocessedKeys") is { } u && JsonRead.Object(u, table.Name) is { } t ? JsonRead.Array(t, "Keys") : null);
            var returned = new Dictionary<UInt128, long>();
            if (JsonRead.Object(root, "Responses") is { } responses && JsonRead.Array(responses, table.Name) is { } items)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (JsonRead.Member(item, table.Table.HashKey) is not null && (table.Table.RangeKey is null || JsonRead.Member(item, table.Table.RangeKey) is not null))
                        returned[KeyCodec.Read(table.Table, item).Id] = ItemSizer.OfItem(item);
                }
            }

            var kind = Respond.ReadKindOf(table.Spec);
            bool projected = Respond.Projects(table.Spec);
            var shadow = context.Services.Shadows.For(table.Name);
            foreach (var item in table.Items.Where(i => i.Admitted))
            {
                item.UnprocessedUpstream = unprocessed.Contains(item.Key.Id);
                if (item.UnprocessedUpstream)
                    continue;
                long? got = returned.TryGetValue(item.Key.Id, out long size) ? size : null;
                long bytes = projected ? shadow.Lookup(item.Key.Id).Item?.Bytes ?? got ?? 0 : got ?? 0;
                actual.AddTable(table.Name, CapacityDimension.Read, context.Services.Costs.Read(bytes, kind), item.Key.PartitionHash, item.Key.Text);
            }
        }

        BatchAdmission.Settle(context, tables, actual);
        return actual;
    }

    private static HashSet<UInt128> Keys(BatchTable table, JsonElement? keys)
    {
        var ids = new HashSet<UInt128>();
        if (keys is { } array)
        {
            foreach (var key in array.EnumerateArray())
                ids.Add(KeyCodec.Read(table.Table, key).Id);
        }

        return ids;
    }
}
