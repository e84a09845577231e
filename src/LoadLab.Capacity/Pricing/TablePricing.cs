using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;

namespace LoadLab.Capacity.Pricing;

/// <summary>
/// The capacity simulator proxy's pricing of one table, for callers that carry out operations without the proxy (the
/// simulated executor). Built from the same CreateTable wire JSON the proxy reads and priced by the proxy's own
/// rules (<see cref="CostRules"/>, <see cref="WriteCharges"/>, <see cref="ShadowBuilder"/>, <see cref="KeyCodec"/>):
/// this is a window on them, not a second implementation. Immutable; safe to share.
/// </summary>
public sealed class TablePricing
{
    private readonly TableInfo table;
    private readonly CostRules costs;

    private TablePricing(TableInfo table, CostRules costs)
    {
        this.table = table;
        this.costs = costs;
    }

    /// <summary>The table of a CreateTable request (DynamoDB wire JSON), priced with <paramref name="settings"/>' constants.</summary>
    /// <exception cref="ArgumentException">The request has no table name or key schema.</exception>
    public static TablePricing FromCreateTable(JsonElement createTable, CapacitySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var table = TableSchemaReader.Read(createTable)
            ?? throw new ArgumentException("The CreateTable request has no TableName or no KeySchema.", nameof(createTable));
        return new TablePricing(table, new CostRules(settings));
    }

    /// <summary>The capacity definition the proxy gives the model for a CreateTable request (auto scaling not applied).</summary>
    public static TableCapacityDefinition CapacityOf(JsonElement createTable) => CapacityDefinitionReader.Read(createTable);

    public string TableName => table.Name;

    /// <summary>DynamoDB's item size limit (400 KB by default).</summary>
    public int ItemMaxBytes => costs.ItemMaxBytes;

    /// <summary>The ordinal of a secondary index in <see cref="StoredImage"/> entries, or -1 when the table has no such index.</summary>
    public int IndexOrdinal(string? indexName) => table.FindIndex(indexName)?.Ordinal ?? -1;

    /// <summary>Whether the index is global (its reads are eventually consistent and charged to it).</summary>
    public bool IsGlobalIndex(string indexName) => table.FindIndex(indexName)?.IsGlobal ?? false;

    /// <summary>Whether <paramref name="attribute"/> is in the entries of the index (keys always are).</summary>
    public bool IndexProjects(string indexName, string attribute) =>
        table.FindIndex(indexName) is { } index && index.Projects(table, attribute);

    /// <summary>The primary key of an item or a key map, as the proxy routes and identifies it.</summary>
    public PricedKey KeyOf(JsonElement itemOrKey) => new(KeyCodec.Read(table, itemOrKey));

    /// <summary>A partition key value (<c>{"S": "…"}</c>) as a query routes by it.</summary>
    public static PricedPartition PartitionOf(JsonElement keyValue)
    {
        string text = KeyCodec.Canonical(keyValue);
        return new PricedPartition(text, KeyCodec.PartitionHash(text));
    }

    /// <summary>What the proxy remembers of a stored item: its size and its index entries.</summary>
    public StoredImage ImageOf(JsonElement item) => new(ShadowBuilder.Build(table, item));

    /// <summary>GetItem of an item of <paramref name="bytes"/> (0: missing): <c>rd(size, SC/EC)</c>, at least one block.</summary>
    public PricedCharges Get(in PricedKey key, long bytes, bool consistent)
    {
        var sheet = new ChargeSheet();
        sheet.AddTable(table.Name, CapacityDimension.Read, costs.Read(bytes, consistent ? ReadKind.Strong : ReadKind.Eventual), key.Key.PartitionHash, key.Key.Text);
        return new PricedCharges(sheet);
    }

    /// <summary>A single-item write from <paramref name="before"/> to <paramref name="after"/> (null: absent): table arm and index arms.</summary>
    public PricedCharges Write(in PricedKey key, StoredImage? before, StoredImage? after)
    {
        var sheet = new ChargeSheet();
        WriteCharges.AddWrite(sheet, costs, table, key.Key, before?.Shadow, after?.Shadow);
        return new PricedCharges(sheet);
    }

    /// <summary>
    /// What an UpdateItem is admitted on before it runs (its new image unknown): the same size with every present
    /// index entry rewritten, or just the key for an item the update creates. <paramref name="key"/> is the request's Key map
    /// (read only when <paramref name="before"/> is null).
    /// </summary>
    public PricedCharges UpdateEstimate(in PricedKey priced, StoredImage? before, JsonElement key)
    {
        var sheet = new ChargeSheet();
        WriteCharges.AddWrite(sheet, costs, table, priced.Key, before?.Shadow, Proxy.Operations.UpdateItemHandler.Guess(before?.Shadow, key));
        return new PricedCharges(sheet);
    }

    /// <summary>A conditional write whose condition failed: the larger of stored and new item, or one unit for a missing item.</summary>
    public PricedCharges FailedCondition(in PricedKey key, StoredImage? existing, long newBytes)
    {
        var sheet = new ChargeSheet();
        WriteCharges.AddFailedCondition(sheet, costs, table, key.Key, existing?.Shadow, newBytes);
        return new PricedCharges(sheet);
    }

    /// <summary>How a write changes the table's stored bytes (item sizes plus the per-item billing overhead).</summary>
    public long StoredBytesDelta(StoredImage? before, StoredImage? after) => WriteCharges.StoredBytesDelta(costs, before?.Shadow, after?.Shadow);

    /// <summary>
    /// One Query page of <paramref name="indexName"/> (null: the table) that evaluated <paramref name="bytes"/> of entries:
    /// <c>rd(Σ bytes)</c> rounded once per page, routed to the queried partition; a GSI read is eventually consistent and
    /// charged to the GSI, an LSI read to the table (reported under the LSI).
    /// </summary>
    public PricedCharges QueryPage(string? indexName, in PricedPartition partition, long bytes, bool consistent)
    {
        var index = table.FindIndex(indexName);
        var kind = index is { IsGlobal: true } || !consistent ? ReadKind.Eventual : ReadKind.Strong;
        double units = costs.Read(bytes, kind);
        var sheet = new ChargeSheet();
        sheet.Touch(table.Name);
        if (index is null)
            sheet.AddTable(table.Name, CapacityDimension.Read, units, partition.Hash, partition.Text);
        else if (index.IsGlobal)
            sheet.AddGlobalIndex(table.Name, index.Name, CapacityDimension.Read, units, partition.Hash, partition.Text);
        else
            sheet.AddLocalIndex(table.Name, index.Name, CapacityDimension.Read, units, partition.Hash, partition.Text);
        return new PricedCharges(sheet);
    }
}

/// <summary>An item's primary key as the proxy uses it (routing hash, canonical text, identity).</summary>
public readonly struct PricedKey
{
    internal PricedKey(PrimaryKey key) => Key = key;

    internal PrimaryKey Key { get; }

    /// <summary>The key's 128-bit identity (what the proxy's shadow index is keyed by).</summary>
    public UInt128 Id => Key.Id;

    public ulong PartitionHash => Key.PartitionHash;

    /// <summary>Canonical text of the partition key value alone.</summary>
    public string PartitionText => Key.PartitionText;

    public PricedPartition Partition => new(Key.PartitionText, KeyCodec.PartitionHash(Key.PartitionText));
}

/// <summary>A partition key value as reads route by it: canonical text and hash.</summary>
public readonly record struct PricedPartition(string Text, ulong Hash);

/// <summary>What the proxy remembers of a stored item (size and index entries): enough to price the next write of its key.</summary>
public sealed class StoredImage
{
    internal StoredImage(ItemShadow shadow) => Shadow = shadow;

    internal ItemShadow Shadow { get; }

    /// <summary>The item's size by DynamoDB's rules.</summary>
    public int Bytes => Shadow.Bytes;

    /// <summary>The bytes of the item's entry in the index at <paramref name="ordinal"/>, or null when the item is not in that index (sparse).</summary>
    public int? EntryBytes(int ordinal)
    {
        var entry = Shadow.Entry(ordinal);
        return entry.Present ? entry.Bytes : null;
    }
}

/// <summary>The charges of one request for the model, with the units ConsumedCapacity would report.</summary>
public sealed class PricedCharges
{
    internal PricedCharges(ChargeSheet sheet)
    {
        Charges = sheet.Charges;
        double read = 0, write = 0;
        foreach (var charge in sheet.Charges)
        {
            if (charge.Dimension == CapacityDimension.Read)
                read += charge.Units;
            else
                write += charge.Units;
        }

        ReadUnits = read;
        WriteUnits = write;
    }

    /// <summary>For <see cref="ICapacityModel.Admit"/> and <see cref="ICapacityModel.Settle"/>.</summary>
    public IReadOnlyList<Charge> Charges { get; }

    /// <summary>Read units over the table and its indexes (ConsumedCapacity's CapacityUnits of a read).</summary>
    public double ReadUnits { get; }

    public double WriteUnits { get; }
}
