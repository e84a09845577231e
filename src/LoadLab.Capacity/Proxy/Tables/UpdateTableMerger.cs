using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Tables;

/// <summary>
/// Applies an UpdateTable request to the table's current capacity settings: billing mode, provisioned
/// units, on-demand maximums, warm throughput and GlobalSecondaryIndexUpdates (Create/Update/Delete).
/// Auto scaling policies are kept; LoadLab sets them through the admin endpoint.
/// </summary>
internal static class UpdateTableMerger
{
    public static TableCapacityDefinition Merge(TableCapacityDefinition current, JsonElement request)
    {
        var mode = JsonRead.String(request, "BillingMode") switch
        {
            "PAY_PER_REQUEST" => CapacityBillingMode.OnDemand,
            "PROVISIONED" => CapacityBillingMode.Provisioned,
            _ => current.Mode,
        };
        var (read, write) = JsonRead.Object(request, "ProvisionedThroughput") is not null
            ? CapacityDefinitionReader.Provisioned(request)
            : (current.ReadUnits, current.WriteUnits);
        var (maxRead, maxWrite) = JsonRead.Object(request, "OnDemandThroughput") is not null
            ? CapacityDefinitionReader.OnDemandMaximums(request)
            : (current.MaxReadRequestUnits, current.MaxWriteRequestUnits);
        var warm = JsonRead.Object(request, "WarmThroughput");
        return current with
        {
            Mode = mode,
            ReadUnits = mode == CapacityBillingMode.Provisioned ? read : 0,
            WriteUnits = mode == CapacityBillingMode.Provisioned ? write : 0,
            MaxReadRequestUnits = maxRead,
            MaxWriteRequestUnits = maxWrite,
            WarmReadUnitsPerSecond = warm is { } w ? JsonRead.Number(w, "ReadUnitsPerSecond") ?? current.WarmReadUnitsPerSecond : current.WarmReadUnitsPerSecond,
            WarmWriteUnitsPerSecond = warm is { } w2 ? JsonRead.Number(w2, "WriteUnitsPerSecond") ?? current.WarmWriteUnitsPerSecond : current.WarmWriteUnitsPerSecond,
            GlobalIndexes = MergeIndexes(current, request, mode),
        };
    }

    private static List<IndexCapacityDefinition> MergeIndexes(TableCapacityDefinition current, JsonElement request, CapacityBillingMode mode)
    {
        var indexes = current.GlobalIndexes
            .Select(i => mode == CapacityBillingMode.OnDemand ? i with { ReadUnits = 0, WriteUnits = 0 } : i)
            .ToList();
        if (JsonRead.Array(request, "GlobalSecondaryIndexUpdates") is not { } updates)
            return indexes;
        foreach (var update in updates.EnumerateArray())
        {
            if (JsonRead.Object(update, "Create") is { } create && JsonRead.String(create, "IndexName") is { } created)
            {
                indexes.RemoveAll(i => i.IndexName == created);
                indexes.Add(CapacityDefinitionReader.ReadIndex(create, mode));
            }
            else if (JsonRead.Object(update, "Update") is { } change && JsonRead.String(change, "IndexName") is { } changed)
            {
                int at = indexes.FindIndex(i => i.IndexName == changed);
                if (at >= 0)
                    indexes[at] = CapacityDefinitionReader.ReadIndex(change, mode, indexes[at]);
            }
            else if (JsonRead.Object(update, "Delete") is { } delete && JsonRead.String(delete, "IndexName") is { } deleted)
            {
                indexes.RemoveAll(i => i.IndexName == deleted);
            }
        }

        return indexes;
    }
}
