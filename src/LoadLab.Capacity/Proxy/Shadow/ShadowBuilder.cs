using System.Runtime.InteropServices;
using System.Text.Json;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Shadow;

/// <summary>Computes an <see cref="ItemShadow"/> from a full item image (a PutItem item, an ALL_NEW answer, a fetched item).</summary>
internal static class ShadowBuilder
{
    /// <exception cref="RequestShapeException">The item is not a map of attribute values.</exception>
    public static ItemShadow Build(TableInfo table, JsonElement item)
    {
        if (table.Indexes.Count == 0)
            return new ItemShadow(ClampBytes(ItemSizer.OfItem(item)), []);
        if (item.ValueKind != JsonValueKind.Object)
            throw new RequestShapeException("An item must be a map of attribute values.");

        var attributes = new List<(string Name, long Bytes, JsonElement Value, JsonProperty Property)>();
        long total = 0;
        foreach (var attribute in item.EnumerateObject())
        {
            long bytes = ItemSizer.NameBytes(attribute) + ItemSizer.OfValue(attribute.Value);
            attributes.Add((attribute.Name, bytes, attribute.Value, attribute));
            total += bytes;
        }

        var entries = new IndexEntry[table.Indexes.Count];
        foreach (var index in table.Indexes)
            entries[index.Ordinal] = Project(table, index, attributes);
        return new ItemShadow(ClampBytes(total), entries);
    }

    private static IndexEntry Project(TableInfo table, IndexInfo index, List<(string Name, long Bytes, JsonElement Value, JsonProperty Property)> attributes)
    {
        JsonElement? hash = null;
        JsonElement? range = null;
        foreach (var attribute in attributes)
        {
            if (attribute.Name == index.HashKey)
                hash = attribute.Value;
            else if (attribute.Name == index.RangeKey)
                range = attribute.Value;
        }

        // DynamoDB leaves an item out of an index (sparse index) unless it has all the index key attributes.
        if (hash is null || (index.RangeKey is not null && range is null))
            return IndexEntry.Absent;
        string canonicalHash;
        try
        {
            canonicalHash = KeyCodec.Canonical(hash.Value);
        }
        catch (RequestShapeException)
        {
            return IndexEntry.Absent;
        }

        var key = new Fingerprint();
        key.Add(JsonMarshal.GetRawUtf8Value(hash.Value));
        if (range is { } r)
            key.Add(JsonMarshal.GetRawUtf8Value(r));

        long bytes = 0;
        var projection = new Fingerprint();
        foreach (var attribute in attributes)
        {
            if (!index.Projects(table, attribute.Name))
                continue;
            bytes += attribute.Bytes;
            projection.Add(JsonMarshal.GetRawUtf8PropertyName(attribute.Property));
            projection.Add(JsonMarshal.GetRawUtf8Value(attribute.Value));
        }

        return new IndexEntry(true, ClampBytes(bytes), key.Value, projection.Value, KeyCodec.PartitionHash(canonicalHash));
    }

    private static int ClampBytes(long bytes) => bytes > int.MaxValue ? int.MaxValue : (int)bytes;
}
