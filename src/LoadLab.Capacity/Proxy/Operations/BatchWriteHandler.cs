using System.Text.Json;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// BatchWriteItem: each put/delete is admitted and priced on its own, like PutItem/DeleteItem (rounded per
/// item, index arms included); only admitted writes go to the emulator, refused ones come back in
/// UnprocessedItems. Old images come from the shadow (one cost-free BatchGetItem for unknown keys).
/// </summary>
internal static class BatchWriteHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        var tables = new List<BatchTable>();
        var afters = new Dictionary<BatchItem, ItemShadow?>();
        var befores = new Dictionary<BatchItem, ItemShadow?>();
        foreach (var entry in JsonRead.RequireObject(request, "RequestItems").EnumerateObject())
        {
            var table = await context.Services.Tables.EnsureAsync(entry.Name, context);
            if (table is null || entry.Value.ValueKind != JsonValueKind.Array)
                return WireResponse.Unchanged(await context.ForwardAsync());
            var batch = new BatchTable(entry.Name, table, entry.Value);
            foreach (var write in entry.Value.EnumerateArray())
            {
                var (source, after) = Parse(table, write);
                if (after is not null && WriteOutcome.TooLarge(context, after) is { } tooLarge)
                    return tooLarge;
                var item = new BatchItem(table, KeyCodec.Read(table, source), write, source);
                afters[item] = after;
                batch.Items.Add(item);
            }

            if (batch.HasDuplicateKeys)
                return WireResponse.Unchanged(await context.ForwardAsync());
            var before = await ItemLookup.BeforeManyAsync(context, table, batch.Items.Select(i => (i.Key, i.KeySource)).ToList());
            for (int i = 0; i < batch.Items.Count; i++)
            {
                var item = batch.Items[i];
                befores[item] = before[i];
                WriteCharges.AddWrite(item.Estimate, context.Services.Costs, table, item.Key, before[i], afters[item]);
            }

            tables.Add(batch);
        }

        if (BatchAdmission.AdmitEach(context, tables) is { } throttle)
            return throttle;
        bool partial = !BatchAdmission.AllAdmitted(tables);
        using var forwarded = partial ? BatchAdmission.AdmittedRequest(context.Body.Span, tables, isGet: false) : null;
        UpstreamResponse upstream;
        try
        {
            upstream = await context.ForwardAsync(forwarded?.Memory);
        }
        catch (UpstreamUnavailableException)
        {
            foreach (var item in tables.SelectMany(t => t.Items).Where(i => i.Admitted))
                context.Services.Shadows.For(item.Table.Name).Forget(item.Key.Id);
            BatchAdmission.Release(context, tables);
            throw;
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

        MarkUnprocessed(tables, upstream);
        var actual = new ChargeSheet();
        foreach (var table in tables)
        {
            actual.Touch(table.Name);
            foreach (var item in table.Items.Where(i => i.Admitted && !i.UnprocessedUpstream))
            {
                WriteCharges.AddWrite(actual, context.Services.Costs, table.Table, item.Key, befores[item], afters[item]);
                WriteOutcome.Stored(context, table.Table, item.Key, befores[item], afters[item]);
            }
        }

        BatchAdmission.Settle(context, tables, actual);
        var mode = ConsumedCapacityWriter.ModeOf(request);
        using (upstream)
        {
            var body = JsonSplice.Rewrite(upstream.Body.Span, ["UnprocessedItems", ConsumedCapacityWriter.PropertyName], w =>
            {
                BatchAdmission.WriteUnprocessed(w, "UnprocessedItems", tables, isGet: false);
                ConsumedCapacityWriter.WriteArray(w, mode, tables.Select(t => t.Name), actual, CapacityShape.Standard);
            });
            var response = WireResponse.Json(upstream.Status, body, upstream.RequestId);
            response.Outcome = partial ? AttemptOutcome.PartiallyThrottled : AttemptOutcome.Served;
            return response;
        }
    }

    /// <summary>A PutRequest (its item and image) or a DeleteRequest (its key, no image after).</summary>
    private static (JsonElement Source, ItemShadow? After) Parse(Tables.TableInfo table, JsonElement write)
    {
        if (JsonRead.Object(write, "PutRequest") is { } put)
        {
            var item = JsonRead.RequireObject(put, "Item");
            return (item, ShadowBuilder.Build(table, item));
        }

        if (JsonRead.Object(write, "DeleteRequest") is { } delete)
            return (JsonRead.RequireObject(delete, "Key"), null);
        throw new RequestShapeException("A batch write must be a PutRequest or a DeleteRequest.");
    }

    private static void MarkUnprocessed(List<BatchTable> tables, UpstreamResponse upstream)
    {
        using var document = JsonDocument.Parse(upstream.Body.Memory);
        if (JsonRead.Object(document.RootElement, "UnprocessedItems") is not { } unprocessed)
            return;
        foreach (var table in tables)
        {
            if (JsonRead.Array(unprocessed, table.Name) is not { } writes)
                continue;
            var ids = writes.EnumerateArray().Select(w => KeyCodec.Read(table.Table, Parse(table.Table, w).Source).Id).ToHashSet();
            foreach (var item in table.Items.Where(i => ids.Contains(i.Key.Id)))
                item.UnprocessedUpstream = true;
        }
    }
}
