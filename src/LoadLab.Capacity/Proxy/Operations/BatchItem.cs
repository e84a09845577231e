using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>One key of a BatchGetItem or one write of a BatchWriteItem, with its own admission (docs/capacity-model.md §10: batches are admitted per item).</summary>
internal sealed class BatchItem(TableInfo table, PrimaryKey key, JsonElement raw, JsonElement keySource)
{
    public TableInfo Table { get; } = table;

    public PrimaryKey Key { get; } = key;

    /// <summary>The element as the client sent it (a key, or a PutRequest/DeleteRequest), copied into forwarded and unprocessed lists.</summary>
    public JsonElement Raw { get; } = raw;

    /// <summary>The item or key holding the key attributes.</summary>
    public JsonElement KeySource { get; } = keySource;

    public ChargeSheet Estimate { get; } = new();

    public Admission? Admission { get; set; }

    public bool Admitted => Admission?.Admitted == true;

    /// <summary>The emulator itself returned the item as unprocessed.</summary>
    public bool UnprocessedUpstream { get; set; }
}

/// <summary>The items of one table in a batch, in request order.</summary>
internal sealed class BatchTable(string name, TableInfo table, JsonElement spec)
{
    public string Name { get; } = name;

    public TableInfo Table { get; } = table;

    /// <summary>BatchGetItem: the table's request object (Keys, ConsistentRead, ProjectionExpression…); BatchWriteItem: the array.</summary>
    public JsonElement Spec { get; } = spec;

    public List<BatchItem> Items { get; } = [];

    public bool HasDuplicateKeys => Items.Select(i => i.Key.Id).Distinct().Count() != Items.Count;
}
