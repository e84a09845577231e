using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Charges;

/// <summary>The client's <c>ReturnConsumedCapacity</c>.</summary>
internal enum ConsumedCapacityMode
{
    None,
    Total,
    Indexes,
}

/// <summary>How an operation reports capacity (§1.8).</summary>
/// <param name="ReportsIndexes">False for GetItem and BatchGetItem, which never report index capacity.</param>
/// <param name="Mirror">Transactions mirror their units into Read/WriteCapacityUnits at every level; others report CapacityUnits alone.</param>
internal readonly record struct CapacityShape(bool ReportsIndexes, CapacityDimension? Mirror = null)
{
    public static readonly CapacityShape Standard = new(true);
    public static readonly CapacityShape NoIndexes = new(false);
}

/// <summary>
/// Writes ConsumedCapacity in exactly the shape the client asked for: NONE writes nothing; TOTAL writes
/// TableName and CapacityUnits; INDEXES adds Table and the GlobalSecondaryIndexes/LocalSecondaryIndexes
/// maps, with the top-level CapacityUnits the sum of them all. Single-item ops, Query and Scan get one
/// object; batches and transactions an array with one object per table.
/// </summary>
internal static class ConsumedCapacityWriter
{
    public const string PropertyName = "ConsumedCapacity";

    public static ConsumedCapacityMode ModeOf(JsonElement request) => JsonRead.String(request, "ReturnConsumedCapacity") switch
    {
        "TOTAL" => ConsumedCapacityMode.Total,
        "INDEXES" => ConsumedCapacityMode.Indexes,
        _ => ConsumedCapacityMode.None,
    };

    public static void WriteSingle(Utf8JsonWriter writer, ConsumedCapacityMode mode, string table, ChargeSheet sheet, CapacityShape shape)
    {
        if (mode == ConsumedCapacityMode.None)
            return;
        writer.WritePropertyName(PropertyName);
        WriteObject(writer, mode, sheet.Find(table) ?? new TableTally(table), shape);
    }

    public static void WriteArray(Utf8JsonWriter writer, ConsumedCapacityMode mode, IEnumerable<string> tables, ChargeSheet sheet, CapacityShape shape)
    {
        if (mode == ConsumedCapacityMode.None)
            return;
        writer.WritePropertyName(PropertyName);
        writer.WriteStartArray();
        foreach (string table in tables)
            WriteObject(writer, mode, sheet.Find(table) ?? new TableTally(table), shape);
        writer.WriteEndArray();
    }

    private static void WriteObject(Utf8JsonWriter writer, ConsumedCapacityMode mode, TableTally tally, CapacityShape shape)
    {
        bool indexes = mode == ConsumedCapacityMode.Indexes && shape.ReportsIndexes;
        double total = shape.ReportsIndexes ? tally.Total : tally.TableUnits;
        writer.WriteStartObject();
        writer.WriteString("TableName", tally.Table);
        WriteUnits(writer, total, shape);
        if (mode == ConsumedCapacityMode.Indexes)
        {
            writer.WritePropertyName("Table");
            writer.WriteStartObject();
            WriteUnits(writer, tally.TableUnits, shape);
            writer.WriteEndObject();
        }

        if (indexes)
        {
            WriteIndexMap(writer, "GlobalSecondaryIndexes", tally.GlobalIndexes, shape);
            WriteIndexMap(writer, "LocalSecondaryIndexes", tally.LocalIndexes, shape);
        }

        writer.WriteEndObject();
    }

    private static void WriteIndexMap(Utf8JsonWriter writer, string name, IReadOnlyList<KeyValuePair<string, double>> indexes, CapacityShape shape)
    {
        if (indexes.Count == 0)
            return;
        writer.WritePropertyName(name);
        writer.WriteStartObject();
        foreach (var (index, units) in indexes)
        {
            writer.WritePropertyName(index);
            writer.WriteStartObject();
            WriteUnits(writer, units, shape);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteUnits(Utf8JsonWriter writer, double units, CapacityShape shape)
    {
        // Units are sums of block multiples; a Scan's share per partition (units × bytes / total) leaves binary
        // noise (127.50000000000001) that DynamoDB never shows.
        units = Math.Round(units, 9);
        writer.WriteNumber("CapacityUnits", units);
        if (shape.Mirror == CapacityDimension.Read)
            writer.WriteNumber("ReadCapacityUnits", units);
        else if (shape.Mirror == CapacityDimension.Write)
            writer.WriteNumber("WriteCapacityUnits", units);
    }
}
