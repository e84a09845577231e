using System.Text.Json;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Shadow;

/// <summary>
/// The stored image of items before a write: from the shadow index, or — for a key it has never seen in a
/// table that existed before the proxy — from a cost-free, strongly consistent GetItem/BatchGetItem to
/// the emulator, remembered for next time.
/// </summary>
internal static class ItemLookup
{
    private const int BatchGetLimit = 100;

    /// <summary>The item as stored now, or null when it does not exist (or could not be looked up).</summary>
    public static async Task<ItemShadow?> BeforeAsync(OperationContext context, TableInfo table, PrimaryKey key, JsonElement keySource)
    {
        var shadow = context.Services.Shadows.For(table.Name);
        var lookup = shadow.Lookup(key.Id);
        if (lookup.Known)
            return lookup.Item;
        var fetched = await FetchAsync(context, table, keySource);
        if (fetched.Found)
            shadow.Store(key.Id, fetched.Item);
        return fetched.Item;
    }

    /// <summary>Reads the item as it is now, bypassing the shadow (after an update whose new image the answer did not carry).</summary>
    public static async Task<(bool Found, ItemShadow? Item)> FetchAsync(OperationContext context, TableInfo table, JsonElement keySource)
    {
        using var body = new PooledBuffer(256);
        using (var writer = new Utf8JsonWriter(body, DynamoErrors.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", table.Name);
            writer.WritePropertyName("Key");
            WriteKey(writer, table, keySource);
            writer.WriteBoolean("ConsistentRead", true);
            writer.WriteEndObject();
        }

        using var answer = await context.SideCallAsync("GetItem", body.Memory);
        if (!answer.IsSuccess)
            return (false, null);
        using var document = JsonDocument.Parse(answer.Body.Memory);
        var item = JsonRead.Object(document.RootElement, "Item");
        return (true, item is { } found ? ShadowBuilder.Build(table, found) : null);
    }

    /// <summary>The stored images of many keys of one table (BatchWriteItem), one BatchGetItem per 100 unknown keys.</summary>
    public static async Task<ItemShadow?[]> BeforeManyAsync(OperationContext context, TableInfo table, IReadOnlyList<(PrimaryKey Key, JsonElement Source)> keys)
    {
        var shadow = context.Services.Shadows.For(table.Name);
        var result = new ItemShadow?[keys.Count];
        var unknown = new List<int>();
        for (int i = 0; i < keys.Count; i++)
        {
            var lookup = shadow.Lookup(keys[i].Key.Id);
            if (lookup.Known)
                result[i] = lookup.Item;
            else
                unknown.Add(i);
        }

        foreach (var chunk in unknown.Chunk(BatchGetLimit))
        {
            var found = await BatchFetchAsync(context, table, chunk.Select(i => keys[i].Source).ToList());
            if (found is null)
                continue;
            foreach (int i in chunk)
            {
                var item = found.TryGetValue(keys[i].Key.Id, out var image) ? image : null;
                shadow.Store(keys[i].Key.Id, item);
                result[i] = item;
            }
        }

        return result;
    }

    /// <summary>Writes <c>{"hash": value, "range": value}</c> copied from an item or key.</summary>
    public static void WriteKey(Utf8JsonWriter writer, TableInfo table, JsonElement source)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(table.HashKey);
        source.GetProperty(table.HashKey).WriteTo(writer);
        if (table.RangeKey is not null)
        {
            writer.WritePropertyName(table.RangeKey);
            source.GetProperty(table.RangeKey).WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    private static async Task<Dictionary<UInt128, ItemShadow>?> BatchFetchAsync(OperationContext context, TableInfo table, List<JsonElement> sources)
    {
        using var body = new PooledBuffer(1024);
        using (var writer = new Utf8JsonWriter(body, DynamoErrors.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("RequestItems");
            writer.WriteStartObject();
            writer.WritePropertyName(table.Name);
            writer.WriteStartObject();
            writer.WritePropertyName("Keys");
            writer.WriteStartArray();
            foreach (var source in sources.DistinctBy(s => KeyCodec.Read(table, s).Id))
                WriteKey(writer, table, source);
            writer.WriteEndArray();
            writer.WriteBoolean("ConsistentRead", true);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var answer = await context.SideCallAsync("BatchGetItem", body.Memory);
        if (!answer.IsSuccess)
            return null;
        using var document = JsonDocument.Parse(answer.Body.Memory);
        // Keys the emulator left unprocessed stay unknown rather than being taken for absent.
        if (JsonRead.Object(document.RootElement, "UnprocessedKeys") is { } unprocessed && unprocessed.EnumerateObject().Any())
            return null;
        var found = new Dictionary<UInt128, ItemShadow>();
        if (JsonRead.Object(document.RootElement, "Responses") is { } responses && JsonRead.Array(responses, table.Name) is { } items)
        {
            foreach (var item in items.EnumerateArray())
                found[KeyCodec.Read(table, item).Id] = ShadowBuilder.Build(table, item);
        }

        return found;
    }
}
