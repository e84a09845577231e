using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Tables;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>What single-item writes share once the emulator answered: charge, shadow and stored bytes.</summary>
internal static class WriteOutcome
{
    public const string ConditionalCheckFailed = "ConditionalCheckFailedException";

    /// <summary>Forwards an admitted write; if the answer is lost, the item's state becomes unknown (the next write looks it up).</summary>
    public static async Task<UpstreamResponse> ForwardAsync(OperationContext context, TableInfo table, PrimaryKey key, ReadOnlyMemory<byte>? body = null)
    {
        try
        {
            return await context.ForwardAsync(body);
        }
        catch (UpstreamUnavailableException)
        {
            context.Services.Shadows.For(table.Name).Forget(key.Id);
            throw;
        }
    }

    /// <summary>A successful write: charge before → after, remember after, and tell the model the stored size changed.</summary>
    public static ChargeSheet Succeeded(OperationContext context, TableInfo table, PrimaryKey key, ItemShadow? before, ItemShadow? after, bool transactional = false)
    {
        var actual = new ChargeSheet();
        WriteCharges.AddWrite(actual, context.Services.Costs, table, key, before, after, transactional);
        Respond.Settle(context, actual);
        Stored(context, table, key, before, after);
        return actual;
    }

    public static void Stored(OperationContext context, TableInfo table, PrimaryKey key, ItemShadow? before, ItemShadow? after)
    {
        context.Services.Shadows.For(table.Name).Store(key.Id, after);
        long delta = WriteCharges.StoredBytesDelta(context.Services.Costs, before, after);
        if (delta != 0)
            context.Services.Model.RecordStoredBytes(table.Name, delta);
    }

    /// <summary>A write whose condition failed still consumes capacity (docs/capacity-model.md §6); the emulator's error goes back as it came.</summary>
    public static WireResponse Failed(OperationContext context, UpstreamResponse upstream, TableInfo table, PrimaryKey key, ItemShadow? existing, long newBytes)
    {
        if (upstream.IsError(ConditionalCheckFailed))
        {
            var actual = new ChargeSheet();
            WriteCharges.AddFailedCondition(actual, context.Services.Costs, table, key, existing, newBytes);
            Respond.Settle(context, actual);
        }

        return WireResponse.Unchanged(upstream);
    }

    /// <summary>An item over DynamoDB's item size limit (400 KB) is refused as DynamoDB refuses it, before admission.</summary>
    public static WireResponse? TooLarge(OperationContext context, ItemShadow item) =>
        item.Bytes > context.Services.Costs.ItemMaxBytes ? DynamoErrors.Validation("Item size has exceeded the maximum allowed size") : null;
}
