using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// Per-item admission of a batch and the two request rewrites it needs: the admitted sub-batch for the
/// emulator, and the refused items merged into UnprocessedItems/UnprocessedKeys for the client (HTTP 200).
/// When every item is refused the whole batch is answered with the throttling exception instead.
/// </summary>
/// <remarks>
/// Items are admitted in request order against every bucket they touch (table, partition, item, each
/// index), and each admitted item's estimate is deducted at once (<see cref="ICapacityModel.Reserve"/>), so
/// the next item sees what the earlier ones took: a 25-item batch into a 5-WCU table takes what the bucket
/// holds and returns the rest, instead of passing whole on a positive balance and leaving the bucket deep in
/// debt. Once the emulator answered, the actual charges are settled and the reservations released.
/// </remarks>
internal static class BatchAdmission
{
    /// <summary>Admits (and reserves) each item; a throttle response when none was admitted, else null.</summary>
    public static WireResponse? AdmitEach(OperationContext context, IReadOnlyList<BatchTable> tables)
    {
        var causes = new List<ThrottleCause>();
        bool any = false;
        foreach (var table in tables)
        {
            foreach (var item in table.Items)
            {
                item.Admission = context.Services.Model.Reserve(item.Estimate.Charges);
                if (item.Admitted)
                    any = true;
                else
                    causes.AddRange(item.Admission.Causes);
            }
        }

        // An empty batch goes to the emulator, which refuses it with DynamoDB's validation message.
        return any || tables.All(t => t.Items.Count == 0) ? null : context.Services.Throttles.Throttle(causes);
    }

    /// <summary>The emulator answered: charge what was consumed, give back what was reserved.</summary>
    public static void Settle(OperationContext context, IReadOnlyList<BatchTable> tables, ChargeSheet actual)
    {
        Respond.Settle(context, actual);
        Release(context, tables);
    }

    /// <summary>Gives back every admitted item's reservation (the batch failed, or its actual charges are settled).</summary>
    public static void Release(OperationContext context, IReadOnlyList<BatchTable> tables)
    {
        var reserved = new List<Charge>();
        foreach (var table in tables)
        {
            foreach (var item in table.Items)
            {
                if (item.Admitted)
                    reserved.AddRange(item.Estimate.Charges);
            }
        }

        if (reserved.Count > 0)
            context.Services.Model.Release(reserved);
    }

    public static bool AllAdmitted(IReadOnlyList<BatchTable> tables) => tables.All(t => t.Items.All(i => i.Admitted));

    /// <summary>The request with RequestItems cut down to the admitted items (other members copied as sent).</summary>
    public static PooledBuffer AdmittedRequest(ReadOnlySpan<byte> body, IReadOnlyList<BatchTable> tables, bool isGet) =>
        JsonSplice.Rewrite(body, ["RequestItems"], w =>
        {
            w.WritePropertyName("RequestItems");
            w.WriteStartObject();
            foreach (var table in tables)
            {
                var admitted = table.Items.Where(i => i.Admitted).ToList();
                if (admitted.Count > 0)
                    WriteTableItems(w, table, admitted, isGet);
            }

            w.WriteEndObject();
        });

    /// <summary>Writes <c>"UnprocessedItems"/"UnprocessedKeys": {table: …}</c> with the refused and emulator-unprocessed items.</summary>
    public static void WriteUnprocessed(Utf8JsonWriter writer, string member, IReadOnlyList<BatchTable> tables, bool isGet)
    {
        writer.WritePropertyName(member);
        writer.WriteStartObject();
        foreach (var table in tables)
        {
            var left = table.Items.Where(i => !i.Admitted || i.UnprocessedUpstream).ToList();
            if (left.Count > 0)
                WriteTableItems(writer, table, left, isGet);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// BatchGetItem keeps the table's options (ProjectionExpression, ConsistentRead…) beside its Keys;
    /// BatchWriteItem lists the write requests.
    /// </summary>
    private static void WriteTableItems(Utf8JsonWriter writer, BatchTable table, List<BatchItem> items, bool isGet)
    {
        writer.WritePropertyName(table.Name);
        if (!isGet)
        {
            writer.WriteStartArray();
            foreach (var item in items)
                item.Raw.WriteTo(writer);
            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        foreach (var property in table.Spec.EnumerateObject())
        {
            if (property.Name != "Keys")
                property.WriteTo(writer);
        }

        writer.WritePropertyName("Keys");
        writer.WriteStartArray();
        foreach (var item in items)
            item.Raw.WriteTo(writer);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
