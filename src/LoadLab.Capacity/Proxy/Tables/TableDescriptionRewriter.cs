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
/// reports 0 for both — and each GSI's ItemCount and IndexSizeBytes from the index entries it holds. Fields
/// the emulator did not send are not added (a provisioned table created without BillingMode has no
/// BillingModeSummary; a table without on-demand maximums no OnDemandThroughput), as DynamoDB does not send
/// them either. Everything else is copied.
/// </summary>
internal static class TableDescriptionRewriter
{
    public static void Write(Utf8JsonWriter writer, JsonElement table, TableCapacityDefinition definition, TableTotals? totals = null, TableInfo? schema = null)
    {
        bool provisioned = definition.Mode == CapacityBillingMode.Provisioned;
        bool onDemandShown = definition.MaxReadRequestUnits is not null || definition.MaxWriteRequestUnits is not null;
        bool warm = definition.WarmReadUnitsPerSecond is not null || definition.WarmWriteUnitsPerSecond is not null;
        var written = new HashSet<string>(StringComparer.Ordinal);
        writer.WriteStartObject();

        // Members are rewritten where the emulator put them, so the description reads as the emulator's would.
        foreach (var property in table.EnumerateObject())
        {
            written.Add(property.Name);
            switch (property.Name)
            {
                case "ItemCount" when totals is not null:
                    writer.WriteNumber("ItemCount", totals.ItemCount);
                    break;
                case "TableSizeBytes" when totals is not null:
                    writer.WriteNumber("TableSizeBytes", totals.SizeBytes);
                    break;
                case "ProvisionedThroughput":
                    WriteProvisioned(writer, property.Value, provisioned ? definition.ReadUnits : 0, provisioned ? definition.WriteUnits : 0);
                    break;
                case "BillingModeSummary":
                    WriteBillingMode(writer, property.Value, provisioned);
                    break;
                case "OnDemandThroughput":
                    WriteOnDemand(writer, definition.MaxReadRequestUnits, definition.MaxWriteRequestUnits);
                    break;
                case "WarmThroughput" when warm:
                    WriteWarm(writer, definition);
                    break;
                case "GlobalSecondaryIndexes" when property.Value.ValueKind == JsonValueKind.Array:
                    WriteIndexes(writer, property.Value, definition, provisioned, totals, schema);
                    break;
                default:
                    property.WriteTo(writer);
                    break;
            }
        }

        // What the emulator does not report but the table has (it ignores capacity): added at the end.
        if (totals is not null && !written.Contains("ItemCount"))
            writer.WriteNumber("ItemCount", totals.ItemCount);
        if (totals is not null && !written.Contains("TableSizeBytes"))
            writer.WriteNumber("TableSizeBytes", totals.SizeBytes);
        if (!written.Contains("ProvisionedThroughput"))
            WriteProvisioned(writer, null, provisioned ? definition.ReadUnits : 0, provisioned ? definition.WriteUnits : 0);
        if (!provisioned && !written.Contains("BillingModeSummary"))
            WriteBillingMode(writer, null, provisioned);
        if (onDemandShown && !written.Contains("OnDemandThroughput"))
            WriteOnDemand(writer, definition.MaxReadRequestUnits, definition.MaxWriteRequestUnits);
        if (warm && !written.Contains("WarmThroughput"))
            WriteWarm(writer, definition);
        writer.WriteEndObject();
    }

    private static void WriteBillingMode(Utf8JsonWriter writer, JsonElement? original, bool provisioned)
    {
        writer.WritePropertyName("BillingModeSummary");
        writer.WriteStartObject();
        writer.WriteString("BillingMode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
        if (original is { ValueKind: JsonValueKind.Object } summary)
        {
            foreach (var property in summary.EnumerateObject())
            {
                if (property.Name != "BillingMode")
                    property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteWarm(Utf8JsonWriter writer, TableCapacityDefinition definition)
    {
        writer.WritePropertyName("WarmThroughput");
        writer.WriteStartObject();
        writer.WriteNumber("ReadUnitsPerSecond", definition.WarmReadUnitsPerSecond ?? 0);
        writer.WriteNumber("WriteUnitsPerSecond", definition.WarmWriteUnitsPerSecond ?? 0);
        writer.WriteString("Status", "ACTIVE");
        writer.WriteEndObject();
    }

    private static void WriteIndexes(Utf8JsonWriter writer, JsonElement indexes, TableCapacityDefinition definition, bool provisioned, TableTotals? totals, TableInfo? schema)
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

            (long ItemCount, long SizeBytes)? counted = totals is not null && schema?.FindIndex(name) is { } info
                ? info.Ordinal < totals.Indexes.Count ? totals.Indexes[info.Ordinal] : (0, 0)
                : null;
            writer.WriteStartObject();
            bool wroteProvisioned = false, wroteOnDemand = false, wroteCount = false, wroteSize = false;
            foreach (var property in index.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "ItemCount" when counted is not null:
                        writer.WriteNumber("ItemCount", counted.Value.ItemCount);
                        wroteCount = true;
                        break;
                    case "IndexSizeBytes" when counted is not null:
                        writer.WriteNumber("IndexSizeBytes", counted.Value.SizeBytes);
                        wroteSize = true;
                        break;
                    case "ProvisionedThroughput":
                        WriteProvisioned(writer, property.Value, provisioned ? capacity.ReadUnits : 0, provisioned ? capacity.WriteUnits : 0);
                        wroteProvisioned = true;
                        break;
                    case "OnDemandThroughput":
                        WriteOnDemand(writer, capacity.MaxReadRequestUnits, capacity.MaxWriteRequestUnits);
                        wroteOnDemand = true;
                        break;
                    default:
                        property.WriteTo(writer);
                        break;
                }
            }

            if (counted is { } known && !wroteCount)
                writer.WriteNumber("ItemCount", known.ItemCount);
            if (counted is { } size && !wroteSize)
                writer.WriteNumber("IndexSizeBytes", size.SizeBytes);
            if (!wroteProvisioned)
                WriteProvisioned(writer, null, provisioned ? capacity.ReadUnits : 0, provisioned ? capacity.WriteUnits : 0);
            if (!wroteOnDemand && (capacity.MaxReadRequestUnits is not null || capacity.MaxWriteRequestUnits is not null))
                WriteOnDemand(writer, capacity.MaxReadRequestUnits, capacity.MaxWriteRequestUnits);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteProvisioned(Utf8JsonWriter writer, JsonElement? original, double read, double write)
    {
        writer.WritePropertyName("ProvisionedThroughput");
        writer.WriteStartObject();
        bool wroteRead = false, wroteWrite = false;
        if (original is { ValueKind: JsonValueKind.Object } existing)
        {
            // The model's units where the emulator put its own; NumberOfDecreasesToday and the timestamps kept.
            foreach (var property in existing.EnumerateObject())
            {
                if (property.Name == "ReadCapacityUnits")
                {
                    writer.WriteNumber("ReadCapacityUnits", Math.Round(read));
                    wroteRead = true;
                }
                else if (property.Name == "WriteCapacityUnits")
                {
                    writer.WriteNumber("WriteCapacityUnits", Math.Round(write));
                    wroteWrite = true;
                }
                else
                {
                    property.WriteTo(writer);
                }
            }
        }

        if (!wroteRead)
            writer.WriteNumber("ReadCapacityUnits", Math.Round(read));
        if (!wroteWrite)
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
