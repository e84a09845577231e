using System.Collections.Concurrent;
using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Tables;

/// <summary>
/// The tables the proxy knows: schema for pricing, registration with the model. Tables created through
/// the proxy are learned from CreateTable; tables that existed before it started are learned lazily, on
/// first use, from a DescribeTable to the emulator (one in flight per table, so the model is told once).
/// </summary>
internal sealed class TableRegistry(ICapacityModel model, ShadowIndex shadows, ConcurrentDictionary<string, TableAutoScaling> pendingScaling)
{
    private readonly ConcurrentDictionary<string, TableInfo> tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<TableInfo?>>> learning = new(StringComparer.Ordinal);

    public TableInfo? Find(string name) => tables.TryGetValue(name, out var table) ? table : null;

    /// <summary>The table's schema, learning it from the emulator if needed; null when the emulator does not know the table either.</summary>
    public async Task<TableInfo?> EnsureAsync(string name, OperationContext context)
    {
        if (tables.TryGetValue(name, out var known))
            return known;
        var lazy = learning.GetOrAdd(name, n => new Lazy<Task<TableInfo?>>(() => DescribeAsync(n, context)));
        try
        {
            return await lazy.Value;
        }
        finally
        {
            learning.TryRemove(new KeyValuePair<string, Lazy<Task<TableInfo?>>>(name, lazy));
        }
    }

    /// <summary>Learns a table from a CreateTable answer (complete shadow) or a description (filled lazily).</summary>
    public TableInfo? Learn(JsonElement description, TableCapacityDefinition definition, bool created)
    {
        var table = TableSchemaReader.Read(description);
        if (table is null)
            return null;
        var previous = Find(table.Name);
        tables[table.Name] = table;
        if (created)
            shadows.Reset(table.Name, complete: true);
        else if (previous is not null && !previous.SameLayout(table))
            shadows.Reset(table.Name, complete: false);
        if (created || !model.Knows(table.Name))
        {
            if (pendingScaling.TryRemove(table.Name, out var scaling))
                definition = scaling.ApplyTo(definition);
            model.CreateTable(definition);
        }

        return table;
    }

    /// <summary>Refreshes the schema after UpdateTable (indexes may have come or gone).</summary>
    public void Refresh(JsonElement description)
    {
        var table = TableSchemaReader.Read(description);
        if (table is null)
            return;
        var previous = Find(table.Name);
        tables[table.Name] = table;
        // Shadow entries list index entries by position; a new layout makes them meaningless.
        if (previous is not null && !previous.SameLayout(table))
            shadows.Reset(table.Name, complete: false);
    }

    /// <summary>
    /// Forgets every table and item (the emulator restarted): each table is learned again from the emulator on
    /// first use, or from its CreateTable when it is gone. The model keeps its tables and their history.
    /// </summary>
    public void ForgetAll()
    {
        tables.Clear();
        shadows.Clear();
    }

    public void Forget(string name)
    {
        tables.TryRemove(name, out _);
        shadows.Remove(name);
    }

    private async Task<TableInfo?> DescribeAsync(string name, OperationContext context)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = name });
        using var answer = await context.SideCallAsync("DescribeTable", body);
        if (!answer.IsSuccess)
            return null;
        using var document = JsonDocument.Parse(answer.Body.Memory);
        if (JsonRead.Object(document.RootElement, "Table") is not { } description)
            return null;
        return Learn(description, CapacityDefinitionReader.Read(description), created: false);
    }
}
