using System.Text.Json;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Tables;

/// <summary>
/// Reads key schema and secondary indexes from a CreateTable request or a TableDescription (both use
/// KeySchema / GlobalSecondaryIndexes / LocalSecondaryIndexes with Projection).
/// </summary>
internal static class TableSchemaReader
{
    /// <summary>The table's schema, or null when the JSON has no usable key schema.</summary>
    public static TableInfo? Read(JsonElement table)
    {
        string? name = JsonRead.String(table, "TableName");
        if (name is null || !TryReadKeys(table, out string hash, out string? range))
            return null;
        var indexes = new List<IndexInfo>();
        AddIndexes(table, "GlobalSecondaryIndexes", isGlobal: true, indexes);
        AddIndexes(table, "LocalSecondaryIndexes", isGlobal: false, indexes);
        return new TableInfo(name, hash, range, indexes);
    }

    private static void AddIndexes(JsonElement table, string member, bool isGlobal, List<IndexInfo> indexes)
    {
        if (JsonRead.Array(table, member) is not { } array)
            return;
        foreach (var index in array.EnumerateArray())
        {
            string? name = JsonRead.String(index, "IndexName");
            if (name is null || !TryReadKeys(index, out string hash, out string? range))
                continue;
            var projection = JsonRead.Object(index, "Projection");
            string? type = projection is { } p ? JsonRead.String(p, "ProjectionType") : null;
            var kind = type switch
            {
                "KEYS_ONLY" => ProjectionKind.KeysOnly,
                "INCLUDE" => ProjectionKind.Include,
                _ => ProjectionKind.All,
            };
            var nonKey = new List<string>();
            if (projection is { } withAttributes && JsonRead.Array(withAttributes, "NonKeyAttributes") is { } attributes)
            {
                foreach (var attribute in attributes.EnumerateArray())
                {
                    if (attribute.ValueKind == JsonValueKind.String)
                        nonKey.Add(attribute.GetString()!);
                }
            }

            indexes.Add(new IndexInfo(name, isGlobal, hash, range, kind, nonKey, indexes.Count));
        }
    }

    private static bool TryReadKeys(JsonElement owner, out string hash, out string? range)
    {
        hash = string.Empty;
        range = null;
        if (JsonRead.Array(owner, "KeySchema") is not { } schema)
            return false;
        foreach (var key in schema.EnumerateArray())
        {
            string? attribute = JsonRead.String(key, "AttributeName");
            string? type = JsonRead.String(key, "KeyType");
            if (attribute is null)
                continue;
            if (type == "HASH")
                hash = attribute;
            else if (type == "RANGE")
                range = attribute;
        }

        return hash.Length > 0;
    }
}
