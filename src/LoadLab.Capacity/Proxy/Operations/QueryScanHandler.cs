using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// Query and Scan: <c>rd(Σ size of the items evaluated)</c>, rounded once per page (docs/capacity-model.md §4); GSI reads are always
/// eventually consistent and charged to the GSI, LSI reads to the table (reported under the LSI). Filters,
/// projections and Select=COUNT do not lower the cost, so when the page is trimmed the proxy re-reads it
/// without them in a cost-free side request (same keys, start key and Limit, so the same items).
/// Admission uses one block (debt mode); a Query routes to its partition key, a Scan's charge is spread
/// over the partitions of the items it read in proportion to their bytes.
/// Index reads are sized on the index entries (the attributes the index projects). A local index that must fetch
/// attributes it does not project (Select ALL_ATTRIBUTES, or a projection naming one) is also charged, to the table,
/// the whole base item of every entry it fetched, each rounded up on its own (docs/capacity-model.md §4).
/// </summary>
internal static class QueryScanHandler
{
    private static readonly string[] Trimming = ["FilterExpression", "QueryFilter", "ScanFilter", "ProjectionExpression", "AttributesToGet"];

    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        bool isQuery = context.Operation == DynamoOperation.Query;
        var table = await context.Services.Tables.EnsureAsync(JsonRead.RequireString(request, "TableName"), context);
        if (table is null)
            return WireResponse.Unchanged(await context.ForwardAsync());
        string? indexName = JsonRead.String(request, "IndexName");
        var index = table.FindIndex(indexName);
        if (indexName is not null && index is null)
            return WireResponse.Unchanged(await context.ForwardAsync());
        var kind = index is { IsGlobal: true } ? ReadKind.Eventual : Respond.ReadKindOf(request);
        string routingAttribute = index is { IsGlobal: true } ? index.HashKey : table.HashKey;
        var (startText, startHash) = Start(request, isQuery, routingAttribute);

        var estimate = new ChargeSheet();
        Add(estimate, table, index, context.Services.Costs.Read(0, kind), startHash, startText);
        if (Respond.Refusal(context, estimate) is { } throttle)
            return throttle;

        var upstream = await context.ForwardAsync();
        if (!upstream.IsSuccess)
            return WireResponse.Unchanged(upstream);
        var actual = new ChargeSheet();
        actual.Touch(table.Name);
        bool fetches = index is not null && FetchesFromTable(request, table, index);
        // A fetching read needs the whole items to price the fetch; the answer has them only for a plain ALL_ATTRIBUTES read.
        var sizing = new Sizing(table, index, fetches, context.Services.Costs, kind);
        var groups = NeedsSideRead(request) || (fetches && JsonRead.String(request, "Select") != "ALL_ATTRIBUTES")
            ? await SideReadAsync(context, request, isQuery, routingAttribute, sizing)
            : Evaluated(upstream.Body.Memory, routingAttribute, sizing);
        groups ??= [];
        long total = groups.Sum(g => g.Bytes);
        double units = context.Services.Costs.Read(total, kind);
        if (isQuery || groups.Count == 0)
        {
            Add(actual, table, index, units, startHash, startText);
        }
        else
        {
            foreach (var group in groups)
                Add(actual, table, index, total == 0 ? units / groups.Count : units * group.Bytes / total, group.Hash, group.Text);
        }

        // The fetch reads the table itself, so it is the table's in ConsumedCapacity (the entries stay the index's).
        foreach (var group in groups.Where(g => g.FetchUnits > 0))
            actual.AddTable(table.Name, CapacityDimension.Read, group.FetchUnits, isQuery ? startHash : group.Hash, isQuery ? startText : group.Text);

        Respond.Settle(context, actual);
        return Respond.WithSingleCapacity(upstream, ConsumedCapacityWriter.ModeOf(request), table.Name, actual, CapacityShape.Standard);
    }

    private static void Add(ChargeSheet sheet, TableInfo table, IndexInfo? index, double units, ulong hash, string itemKey)
    {
        if (index is null)
            sheet.AddTable(table.Name, CapacityDimension.Read, units, hash, itemKey);
        else if (index.IsGlobal)
            sheet.AddGlobalIndex(table.Name, index.Name, CapacityDimension.Read, units, hash, itemKey);
        else
            sheet.AddLocalIndex(table.Name, index.Name, CapacityDimension.Read, units, hash, itemKey);
    }

    /// <summary>Where the read starts: a Query's partition key; a Scan's start key or the start of its segment of the hash space.</summary>
    private static (string Text, ulong Hash) Start(JsonElement request, bool isQuery, string routingAttribute)
    {
        var value = isQuery
            ? KeyCondition.PartitionValue(request, routingAttribute)
            : JsonRead.Object(request, "ExclusiveStartKey") is { } start ? JsonRead.Object(start, routingAttribute) : null;
        if (value is { } v)
        {
            try
            {
                string text = KeyCodec.Canonical(v);
                return (text, KeyCodec.PartitionHash(text));
            }
            catch (RequestShapeException)
            {
                // Unusual key value: fall through to the segment start.
            }
        }

        double segment = JsonRead.Number(request, "Segment") ?? 0;
        double segments = Math.Max(1, JsonRead.Number(request, "TotalSegments") ?? 1);
        ulong hash = segment <= 0 || segment >= segments ? 0 : (ulong)(segment / segments * ulong.MaxValue);
        return (string.Empty, hash);
    }

    /// <summary>
    /// Whether a read of a local index fetches from the table: it asks for ALL_ATTRIBUTES, or its projection names an
    /// attribute the index does not project. A global index cannot fetch (DynamoDB refuses such a request).
    /// </summary>
    private static bool FetchesFromTable(JsonElement request, TableInfo table, IndexInfo index)
    {
        if (index.IsGlobal || index.Projection == ProjectionKind.All)
            return false;
        if (JsonRead.String(request, "Select") == "ALL_ATTRIBUTES")
            return true;
        return RequestedAttributes(request).Any(a => !index.Projects(table, a));
    }

    /// <summary>The top-level attributes a ProjectionExpression (placeholders resolved) or AttributesToGet names.</summary>
    private static IEnumerable<string> RequestedAttributes(JsonElement request)
    {
        if (JsonRead.Array(request, "AttributesToGet") is { } listed)
        {
            foreach (var name in listed.EnumerateArray())
            {
                if (name.ValueKind == JsonValueKind.String)
                    yield return name.GetString()!;
            }
        }

        if (JsonRead.String(request, "ProjectionExpression") is not { } projection)
            yield break;
        var names = JsonRead.Object(request, "ExpressionAttributeNames");
        foreach (var path in projection.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // a.b[2].c reads attribute a: the path's first element names the attribute.
            int end = path.IndexOfAny(['.', '[']);
            string first = (end < 0 ? path : path[..end]).Trim();
            if (first.StartsWith('#') && names is { } map && JsonRead.String(map, first) is { } resolved)
                first = resolved;
            yield return first;
        }
    }

    private static bool NeedsSideRead(JsonElement request) =>
        Trimming.Any(m => JsonRead.Member(request, m) is not null)
        || JsonRead.String(request, "Select") is "COUNT" or "SPECIFIC_ATTRIBUTES";

    private static async Task<List<PartitionGroup>?> SideReadAsync(OperationContext context, JsonElement request, bool isQuery, string routingAttribute, Sizing sizing)
    {
        string? keyCondition = JsonRead.String(request, "KeyConditionExpression");
        var used = keyCondition is null ? [] : KeyCondition.Placeholders(keyCondition).ToHashSet(StringComparer.Ordinal);
        string[] removed = [.. Trimming, "Select", "ConditionalOperator", "ReturnConsumedCapacity", "ExpressionAttributeNames", "ExpressionAttributeValues"];
        using var body = JsonSplice.Rewrite(context.Body.Span, removed, w =>
        {
            // The emulator, like DynamoDB, refuses placeholders no expression uses: keep only the key condition's.
            WritePruned(w, request, "ExpressionAttributeNames", used);
            WritePruned(w, request, "ExpressionAttributeValues", used);
            // Whole items when the fetch is priced; without Select an index read returns only its projected attributes.
            if (sizing.Fetches)
                w.WriteString("Select", "ALL_ATTRIBUTES");
        });
        using var answer = await context.SideCallAsync(isQuery ? "Query" : "Scan", body.Memory);
        return answer.IsSuccess ? Evaluated(answer.Body.Memory, routingAttribute, sizing) : null;
    }

    private static void WritePruned(Utf8JsonWriter writer, JsonElement request, string member, HashSet<string> used)
    {
        if (JsonRead.Object(request, member) is not { } map)
            return;
        var kept = map.EnumerateObject().Where(p => used.Contains(p.Name)).ToList();
        if (kept.Count == 0)
            return;
        writer.WritePropertyName(member);
        writer.WriteStartObject();
        foreach (var property in kept)
            property.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>The items of a page grouped by partition key, with the bytes of their entries and the units of their fetches.</summary>
    private static List<PartitionGroup> Evaluated(ReadOnlyMemory<byte> page, string routingAttribute, Sizing sizing)
    {
        using var document = JsonDocument.Parse(page);
        var groups = new Dictionary<string, (long Bytes, double FetchUnits)>(StringComparer.Ordinal);
        if (JsonRead.Array(document.RootElement, "Items") is not { } items)
            return [];
        foreach (var item in items.EnumerateArray())
        {
            string text = JsonRead.Object(item, routingAttribute) is { } key ? SafeCanonical(key) : string.Empty;
            var (bytes, fetchUnits) = groups.GetValueOrDefault(text);
            groups[text] = (bytes + sizing.EntryBytes(item), fetchUnits + sizing.FetchUnits(item));
        }

        return groups.Select(g => new PartitionGroup(g.Key, KeyCodec.PartitionHash(g.Key), g.Value.Bytes, g.Value.FetchUnits)).ToList();
    }

    /// <summary>How one read item is priced: its index entry (or the item, for the table), and the fetch of a local index.</summary>
    private sealed record Sizing(TableInfo Table, IndexInfo? Index, bool Fetches, CostRules Costs, ReadKind Kind)
    {
        /// <summary>The bytes of the item as the read saw it: only the projected attributes for an index that does not project all.</summary>
        public long EntryBytes(JsonElement item)
        {
            if (Index is null || Index.Projection == ProjectionKind.All)
                return ItemSizer.OfItem(item);
            long size = 0;
            foreach (var attribute in item.EnumerateObject())
            {
                if (Index.Projects(Table, attribute.Name))
                    size += ItemSizer.NameBytes(attribute) + ItemSizer.OfValue(attribute.Value);
            }

            return size;
        }

        /// <summary>The fetch of the whole base item, rounded up on its own; zero when the read does not fetch.</summary>
        public double FetchUnits(JsonElement item) => Fetches ? Costs.Read(ItemSizer.OfItem(item), Kind) : 0;
    }

    private static string SafeCanonical(JsonElement value)
    {
        try
        {
            return KeyCodec.Canonical(value);
        }
        catch (RequestShapeException)
        {
            return string.Empty;
        }
    }

    private readonly record struct PartitionGroup(string Text, ulong Hash, long Bytes, double FetchUnits);
}
