using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Tables;

/// <summary>
/// Capacity settings from a CreateTable request or a TableDescription: billing mode, provisioned units,
/// on-demand maximums (OnDemandThroughput; -1 means none), warm throughput, GSIs and whether LSIs exist.
/// </summary>
internal static class CapacityDefinitionReader
{
    public static TableCapacityDefinition Read(JsonElement table)
    {
        var mode = ModeOf(table);
        var (read, write) = Provisioned(table);
        var (maxRead, maxWrite) = OnDemandMaximums(table);
        var warm = JsonRead.Object(table, "WarmThroughput");
        return new TableCapacityDefinition
        {
            TableName = JsonRead.RequireString(table, "TableName"),
            Mode = mode,
            ReadUnits = mode == CapacityBillingMode.Provisioned ? read : 0,
            WriteUnits = mode == CapacityBillingMode.Provisioned ? write : 0,
            MaxReadRequestUnits = maxRead,
            MaxWriteRequestUnits = maxWrite,
            WarmReadUnitsPerSecond = warm is { } w ? Positive(JsonRead.Number(w, "ReadUnitsPerSecond")) : null,
            WarmWriteUnitsPerSecond = warm is { } w2 ? Positive(JsonRead.Number(w2, "WriteUnitsPerSecond")) : null,
            HasLocalIndexes = JsonRead.Array(table, "LocalSecondaryIndexes") is { } lsis && lsis.GetArrayLength() > 0,
            GlobalIndexes = ReadIndexes(table, mode),
        };
    }

    /// <summary>BillingMode (a request) or BillingModeSummary.BillingMode (a description); PROVISIONED when neither says.</summary>
    public static CapacityBillingMode ModeOf(JsonElement table)
    {
        string? mode = JsonRead.String(table, "BillingMode")
            ?? (JsonRead.Object(table, "BillingModeSummary") is { } summary ? JsonRead.String(summary, "BillingMode") : null);
        return mode == "PAY_PER_REQUEST" ? CapacityBillingMode.OnDemand : CapacityBillingMode.Provisioned;
    }

    public static (double Read, double Write) Provisioned(JsonElement owner) =>
        JsonRead.Object(owner, "ProvisionedThroughput") is { } p
            ? (JsonRead.Number(p, "ReadCapacityUnits") ?? 0, JsonRead.Number(p, "WriteCapacityUnits") ?? 0)
            : (0, 0);

    public static (double? Read, double? Write) OnDemandMaximums(JsonElement owner) =>
        JsonRead.Object(owner, "OnDemandThroughput") is { } od
            ? (Positive(JsonRead.Number(od, "MaxReadRequestUnits")), Positive(JsonRead.Number(od, "MaxWriteRequestUnits")))
            : (null, null);

    public static IndexCapacityDefinition ReadIndex(JsonElement index, CapacityBillingMode mode, IndexCapacityDefinition? current = null)
    {
        var provisioned = JsonRead.Object(index, "ProvisionedThroughput") is not null ? Provisioned(index) : (current?.ReadUnits ?? 0, current?.WriteUnits ?? 0);
        var maximums = JsonRead.Object(index, "OnDemandThroughput") is not null ? OnDemandMaximums(index) : (current?.MaxReadRequestUnits, current?.MaxWriteRequestUnits);
        return new IndexCapacityDefinition
        {
            IndexName = JsonRead.RequireString(index, "IndexName"),
            ReadUnits = mode == CapacityBillingMode.Provisioned ? provisioned.Item1 : 0,
            WriteUnits = mode == CapacityBillingMode.Provisioned ? provisioned.Item2 : 0,
            MaxReadRequestUnits = maximums.Item1,
            MaxWriteRequestUnits = maximums.Item2,
            ReadScaling = current?.ReadScaling,
            WriteScaling = current?.WriteScaling,
        };
    }

    private static List<IndexCapacityDefinition> ReadIndexes(JsonElement table, CapacityBillingMode mode)
    {
        var indexes = new List<IndexCapacityDefinition>();
        if (JsonRead.Array(table, "GlobalSecondaryIndexes") is not { } array)
            return indexes;
        foreach (var index in array.EnumerateArray())
        {
            if (JsonRead.String(index, "IndexName") is not null)
                indexes.Add(ReadIndex(index, mode));
        }

        return indexes;
    }

    /// <summary>DynamoDB reports an unset maximum as -1 (and 0 is not a valid setting): both mean "no maximum".</summary>
    private static double? Positive(double? value) => value is > 0 ? value : null;
}
