using System.Text.Json;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>Shared endings of a handler: throttle, settle, and the emulator's answer with the proxy's ConsumedCapacity.</summary>
internal static class Respond
{
    /// <summary>Asks the model; null when admitted, else the throttle to send (nothing was forwarded or charged).</summary>
    public static WireResponse? Refusal(OperationContext context, ChargeSheet estimate)
    {
        var admission = context.Services.Model.Admit(estimate.Charges);
        return admission.Admitted ? null : context.Services.Throttles.Throttle(admission.Causes);
    }

    public static void Settle(OperationContext context, ChargeSheet actual)
    {
        if (!actual.IsEmpty)
            context.Services.Model.Settle(actual.Charges);
        context.Record(actual);
    }

    /// <summary>
    /// The emulator's answer with its ConsumedCapacity replaced by <paramref name="writeCapacity"/> (absent for
    /// NONE) and <paramref name="remove"/> dropped; untouched — checksum and all — when there is nothing to change.
    /// </summary>
    public static WireResponse Edited(UpstreamResponse upstream, ConsumedCapacityMode mode, Action<Utf8JsonWriter> writeCapacity, params ReadOnlySpan<string> remove)
    {
        if (mode == ConsumedCapacityMode.None && remove.Length == 0)
            return WireResponse.Unchanged(upstream);
        using (upstream)
        {
            string[] dropped = [ConsumedCapacityWriter.PropertyName, .. remove];
            var body = JsonSplice.Rewrite(upstream.Body.Span, dropped, mode == ConsumedCapacityMode.None ? null : writeCapacity);
            return WireResponse.Json(upstream.Status, body, upstream.RequestId);
        }
    }

    /// <summary>One ConsumedCapacity object (single-item operations, Query, Scan).</summary>
    public static WireResponse WithSingleCapacity(UpstreamResponse upstream, ConsumedCapacityMode mode, string table, ChargeSheet actual, CapacityShape shape, params ReadOnlySpan<string> remove) =>
        Edited(upstream, mode, w => ConsumedCapacityWriter.WriteSingle(w, mode, table, actual, shape), remove);

    public static ReadKind ReadKindOf(JsonElement request) => JsonRead.Bool(request, "ConsistentRead") ? ReadKind.Strong : ReadKind.Eventual;

    /// <summary>Whether the answer carries only part of each item, so its size is not the item's size.</summary>
    public static bool Projects(JsonElement request) =>
        JsonRead.Member(request, "ProjectionExpression") is not null || JsonRead.Member(request, "AttributesToGet") is not null;
}
