using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Sizing;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// TransactWriteItems: all or nothing. Every action costs <c>2 × wr(...)</c> on the table arm (ConditionCheck
/// <c>2 × wr(current)</c>), index arms ×1; one refusal refuses the transaction (top-level exception, or
/// TransactionCanceledException when configured). dynalite has no transactions, so whatever the emulator
/// answers is passed through, and only a successful answer is charged.
/// </summary>
internal static class TransactWriteHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var request = context.Root;
        var actions = new List<TransactionAction>();
        foreach (var entry in (JsonRead.Array(request, "TransactItems") ?? throw new RequestShapeException("TransactItems must be a list.")).EnumerateArray())
        {
            string member = TransactionAction.KindMember(entry, out var kind) ?? throw new RequestShapeException("Unknown transaction action.");
            var body = JsonRead.RequireObject(entry, member);
            var table = await context.Services.Tables.EnsureAsync(JsonRead.RequireString(body, "TableName"), context);
            if (table is null)
                return WireResponse.Unchanged(await context.ForwardAsync());
            var source = kind == TransactionActionKind.Put ? JsonRead.RequireObject(body, "Item") : JsonRead.RequireObject(body, "Key");
            var action = new TransactionAction(kind, table, KeyCodec.Read(table, source), body, source);
            action.Before = await ItemLookup.BeforeAsync(context, table, action.Key, source);
            action.After = kind switch
            {
                TransactionActionKind.Put => ShadowBuilder.Build(table, source),
                TransactionActionKind.Update or TransactionActionKind.ConditionCheck => action.Before,
                _ => null,
            };
            if (action.After is { } after && kind == TransactionActionKind.Put && WriteOutcome.TooLarge(context, after) is { } tooLarge)
                return tooLarge;
            actions.Add(action);
        }

        var admission = context.Services.Model.Admit(Price(context.Services.Costs, actions).Charges);
        if (!admission.Admitted)
        {
            var style = context.Services.Throttles.Options.TransactionStyle ?? context.Services.Model.Settings.TransactionThrottleStyle;
            return style == TransactionThrottleStyle.TransactionCanceled
                ? context.Services.Throttles.TransactionCanceled(admission.Causes, actions.Select(a => a.Table.Name).ToList())
                : context.Services.Throttles.Throttle(admission.Causes);
        }

        UpstreamResponse upstream;
        try
        {
            upstream = await context.ForwardAsync();
        }
        catch (UpstreamUnavailableException)
        {
            foreach (var action in actions.Where(a => a.Kind != TransactionActionKind.ConditionCheck))
                context.Services.Shadows.For(action.Table.Name).Forget(action.Key.Id);
            throw;
        }

        if (!upstream.IsSuccess)
            return WireResponse.Unchanged(upstream);
        foreach (var action in actions.Where(a => a.Kind == TransactionActionKind.Update))
        {
            var fetched = await ItemLookup.FetchAsync(context, action.Table, action.KeySource);
            if (fetched.Found)
                action.After = fetched.Item;
        }

        var actual = Price(context.Services.Costs, actions);
        Respond.Settle(context, actual);
        foreach (var action in actions.Where(a => a.Kind != TransactionActionKind.ConditionCheck))
            WriteOutcome.Stored(context, action.Table, action.Key, action.Before, action.After);
        var tables = actions.Select(a => a.Table.Name).Distinct(StringComparer.Ordinal).ToList();
        var mode = ConsumedCapacityWriter.ModeOf(request);
        return Respond.Edited(upstream, mode, w => ConsumedCapacityWriter.WriteArray(w, mode, tables, actual, new CapacityShape(true, CapacityDimension.Write)));
    }

    private static ChargeSheet Price(CostRules costs, List<TransactionAction> actions)
    {
        var sheet = new ChargeSheet();
        foreach (var action in actions)
        {
            if (action.Kind == TransactionActionKind.ConditionCheck)
                WriteCharges.AddConditionCheck(sheet, costs, action.Table, action.Key, action.Before);
            else
                WriteCharges.AddWrite(sheet, costs, action.Table, action.Key, action.Before, action.After, transactional: true);
        }

        return sheet;
    }
}
