using LoadLab.Capacity.Model;
using LoadLab.Capacity.Model.Settings;
using LoadLab.Capacity.Proxy.Charges;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Shadow;
using LoadLab.Capacity.Proxy.Transactions;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.Capacity.Proxy.Operations;

/// <summary>
/// TransactWriteItems, carried out by the proxy (dynalite has no transactions): limits and idempotency
/// first, then every item is held against overlapping work (a conflict cancels with TransactionConflict),
/// read, priced and admitted — every action costs <c>2 × wr(...)</c> on the table arm (ConditionCheck
/// <c>2 × wr(current)</c>), index arms ×1; one refusal refuses the transaction (top-level exception, or
/// TransactionCanceledException when configured) — and applied action by action with a rollback
/// (<see cref="TransactWriteExecution"/>). Only a committed transaction is charged.
/// </summary>
internal static class TransactWriteHandler
{
    public static async Task<WireResponse> HandleAsync(OperationContext context)
    {
        var (actions, invalid) = await TransactionRequest.ParseAsync(context, write: true);
        if (invalid is not null)
            return invalid;
        string? token = JsonRead.String(context.Root, "ClientRequestToken");
        if (token is not null)
        {
            switch (context.Services.Tokens.Claim(token, context.Body.Span, out var done))
            {
                case TokenState.Mismatch:
                    return TransactionErrors.TokenReused();
                case TokenState.InProgress:
                    return TransactionErrors.InProgress();
                case TokenState.Completed:
                    return Replay(context, done!);
            }
        }

        bool committed = false;
        try
        {
            var response = await RunAsync(context, actions!);
            committed = response.Status == 200;
            if (committed && token is not null)
                context.Services.Tokens.Complete(token, response.Body.ToArray(), [.. actions!.Select(a => (a.Table.Name, a.Key))]);
            return response;
        }
        finally
        {
            if (token is not null && !committed)
                context.Services.Tokens.Abandon(token);
        }
    }

    private static async Task<WireResponse> RunAsync(OperationContext context, List<TransactionAction> actions)
    {
        var refs = actions.Select(a => a.Ref).ToList();
        var held = context.Services.Locks.TryLockForWrite(refs);
        if (held.Count > 0)
            return TransactionRequest.Conflicts(actions.Count, held);
        try
        {
            if (await TransactWriteExecution.ReadImagesAsync(context, actions) is { } unreadable)
                return WireResponse.Unchanged(unreadable);
            foreach (var action in actions)
            {
                action.After = action.Kind switch
                {
                    TransactionActionKind.Put => ShadowBuilder.Build(action.Table, action.KeySource),
                    TransactionActionKind.Update or TransactionActionKind.ConditionCheck => action.Before,
                    _ => null,
                };
                if (action.Kind == TransactionActionKind.Put && WriteOutcome.TooLarge(context, action.After!) is { } tooLarge)
                    return tooLarge;
            }

            var admission = context.Services.Model.Admit(Price(context.Services.Costs, actions).Charges);
            if (!admission.Admitted)
                return Throttled(context, actions, admission);
            return await ApplyAsync(context, actions);
        }
        finally
        {
            context.Services.Locks.UnlockWrite(refs);
        }
    }

    private static async Task<WireResponse> ApplyAsync(OperationContext context, List<TransactionAction> actions)
    {
        CancellationReason[]? reasons;
        UpstreamResponse? fatal;
        try
        {
            (reasons, fatal) = await TransactWriteExecution.ApplyAsync(context, actions);
            if (reasons is not null || fatal is not null)
                await TransactWriteExecution.RollBackAsync(context, actions);
            else
                await TransactWriteExecution.TidyConditionChecksAsync(context, actions);
        }
        catch (UpstreamUnavailableException)
        {
            // Half-applied on an emulator that went away: nothing is known about these items any more.
            foreach (var action in actions)
                context.Services.Shadows.For(action.Table.Name).Forget(action.Key.Id);
            throw;
        }

        if (fatal is not null)
            return WireResponse.Unchanged(fatal);
        if (reasons is not null)
            return TransactionErrors.Canceled(reasons);

        var actual = Price(context.Services.Costs, actions);
        Respond.Settle(context, actual);
        foreach (var action in actions.Where(a => a.Kind != TransactionActionKind.ConditionCheck))
            WriteOutcome.Stored(context, action.Table, action.Key, action.Before, action.After);
        var mode = ConsumedCapacityWriter.ModeOf(context.Root);
        var tables = actions.Select(a => a.Table.Name).Distinct(StringComparer.Ordinal).ToList();
        var body = JsonSplice.Rewrite("{}"u8, [], w => ConsumedCapacityWriter.WriteArray(w, mode, tables, actual, new CapacityShape(true, CapacityDimension.Write)));
        return WireResponse.Json(200, body);
    }

    private static WireResponse Throttled(OperationContext context, List<TransactionAction> actions, Admission admission)
    {
        var style = context.Services.Throttles.Options.TransactionStyle ?? context.Services.Model.Settings.TransactionThrottleStyle;
        return style == TransactionThrottleStyle.TransactionCanceled
            ? context.Services.Throttles.TransactionCanceled(admission.Causes, actions.Select(a => a.Table.Name).ToList())
            : context.Services.Throttles.Throttle(admission.Causes);
    }

    /// <summary>
    /// A retry of a committed call within the token's window: the first answer again, nothing written. DynamoDB
    /// charges it as transactional reads of the items, and so does this.
    /// </summary>
    private static WireResponse Replay(OperationContext context, IdempotencyCache.Entry done)
    {
        var reads = new ChargeSheet();
        foreach (var (table, key) in done.Items)
        {
            long bytes = context.Services.Shadows.For(table).Lookup(key.Id).Item?.Bytes ?? 0;
            reads.AddTable(table, CapacityDimension.Read, context.Services.Costs.Read(bytes, ReadKind.Transactional), key.PartitionHash, key.Text);
        }

        Respond.Settle(context, reads);
        var mode = ConsumedCapacityWriter.ModeOf(context.Root);
        var tables = done.Items.Select(i => i.Table).Distinct(StringComparer.Ordinal).ToList();
        var body = JsonSplice.Rewrite(done.Answer, [ConsumedCapacityWriter.PropertyName], w => ConsumedCapacityWriter.WriteArray(w, mode, tables, reads, new CapacityShape(true, CapacityDimension.Read)));
        return WireResponse.Json(200, body);
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
