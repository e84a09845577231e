using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Tables;

/// <summary>
/// Rewrites a TableDescription so it shows the model's current capacity (auto scaling and UpdateTable
/// change it; the emulator ignores capacity): ProvisionedThroughput, BillingModeSummary,
/// OnDemandThroughput and WarmThroughput, on the table and on each GSI. When the proxy has seen every item
/// of the table (it created it), ItemCount and TableSizeBytes come from its shadow index too: dynalite
/// reports 0 for both. Everything else is copied.
/// </summary>
internal static class TableDescriptionRewriter
{
    private static readonly HashSet<string> Replaced = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughput", "BillingModeSummary", "OnDemandThroughput", "WarmThroughput", "GlobalSecondaryIndexes",
    };

    public static void Write(Utf8JsonWriter writer, JsonElement table, TableCapacityDefinition definition, TableTotals? totals = null)
    {
        writer.WriteStartObject();
        foreach (var property in table.EnumerateObject())
        {
            bool counted = totals is not null && property.Name is "ItemCount" or "TableSizeBytes";
            if (!Replaced.Contains(property.Name) && !counted)
                property.WriteTo(writer);
        }

        if (totals is { } known)
        {
            writer.WriteNumber("ItemCount", known.ItemCount);
            writer.WriteNumber("TableSizeBytes", known.SizeBytes);
        }

        bool provisioned = definition.Mode == CapacityBillingMode.Provisioned;
        WriteProvisioned(writer, JsonRead.Object(table, "ProvisionedThroughput"), provisioned ? definition.ReadUnits : 0, provisioned ? definition.WriteUnits : 0);
        writer.WritePropertyName("BillingModeSummary");
        writer.WriteStartObject();
        writer.WriteString("BillingMode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
        if (JsonRead.Object(table, "BillingModeSummary") is { } summary)
        {
            foreach (var property in summary.EnumerateObject())
            {
                if (property.Name != "BillingMode")
                    property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        if (!provisioned || definition.MaxReadRequestUnits is not null || definition.MaxWriteRequestUnits is not null)
            WriteOnDemand(writer, definition.MaxReadRequestUnits, definition.MaxWriteRequestUnits);
        if (definition.WarmReadUnitsPerSecond is not null || definition.WarmWriteUnitsPerSecond is not null)
        {
            writer.WritePropertyName("WarmThroughput");
            writer.WriteStartObject();
            writer.WriteNumber("ReadUnitsPerSecond", definition.WarmReadUnitsPerSecond ?? 0);
            writer.WriteNumber("WriteUnitsPerSecond", definition.WarmWriteUnitsPerSecond ?? 0);
            writer.WriteString("Status", "ACTIVE");
            writer.WriteEndObject();
        }

        if (JsonRead.Array(table, "GlobalSecondaryIndexes") is { } indexes)
            WriteIndexes(writer, indexes, definition, provisioned);
        writer.WriteEndObject();
    }

    private static void WriteIndexes(Utf8JsonWriter writer, JsonElement indexes, TableCapacityDefinition definition, bool provisioned)
    {
        writer.WritePropertyName("GlobalSecondaryIndexes");
        writer.WriteStartArray();
        foreach (var index in indexes.EnumerateArray())
        {
            string? name = JsonRead.String(index, "IndexName");
            var capacity = definition.GlobalIndexes.FirstOrDefault(i => i.IndexName == name);
            if (capacity is null || index.ValueKind != JsonValueKind.Object)
            {
                index.WriteTo(writer);
                continue;
            }

            writer.WriteStartObject();
            foreach (var property in index.EnumerateObject())
            {
                if (property.Name is not ("ProvisionedThroughput" or "OnDemandThroughput"))
                    property.WriteTo(writer);
            }

            WriteProvisioned(writer, JsonRead.Object(index, "ProvisionedThroughput"), provisioned ? capacity.ReadUnits : 0, provisioned ? capacity.WriteUnits : 0);
            if (!provisioned || capacity.MaxReadRequestUnits is not null || capacity.MaxWriteRequestUnits is not null)
                WriteOnDemand(writer, capacity.MaxReadRequestUnits, capacity.MaxWriteRequestUnits);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteProvisioned(Utf8JsonWriter writer, JsonElement? original, double read, double write)
    {
        writer.WritePropertyName("ProvisionedThroughput");
        writer.WriteStartObject();
        if (original is { } existing)
        {
            // Keep NumberOfDecreasesToday and the increase/decrease timestamps the emulator reports.
            foreach (var property in existing.EnumerateObject())
            {
                if (property.Name is not ("ReadCapacityUnits" or "WriteCapacityUnits"))
                    property.WriteTo(writer);
            }
        }

        writer.WriteNumber("ReadCapacityUnits", Math.Round(read));
        writer.WriteNumber("WriteCapacityUnits", Math.Round(write));
        writer.WriteEndObject();
    }

    private static void WriteOnDemand(Utf8JsonWriter writer, double? maxRead, double? maxWrite)
    {
        writer.WritePropertyName("OnDemandThroughput");
        writer.WriteStartObject();
        writer.WriteNumber("MaxReadRequestUnits", maxRead ?? -1);
        writer.WriteNumber("MaxWriteRequestUnits", maxWrite ?? -1);
        writer.WriteEndObject();
    }
}
