using LoadLab.Core.Execution;
using LoadLab.Core.Outcomes;

namespace LoadLab.Core.Engine;

/// <summary>Starting, awaiting and recording single operations.</summary>
internal sealed partial class ScenarioRunner
{
    /// <summary>Starts an operation without awaiting it; synchronous completions are recorded inline, without allocating.</summary>
    private void Launch(long seq, int op, long intended, bool warmup, bool releaseSlot)
    {
        Recorder.OnStarted(warmup);
        long sent = time.GetTimestamp();
        if (!warmup) Recorder.Lateness.Record(Micros(sent - intended));
        ValueTask<OperationOutcome> pending;
        try
        {
            pending = executor.ExecuteAsync(new OperationRequest(seq, op), operationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            pending = new ValueTask<OperationOutcome>(Unexpected(ex));
        }
        catch (OperationCanceledException)
        {
            Cancelled(op, warmup, releaseSlot);
            return;
        }

        if (pending.IsCompletedSuccessfully)
            Complete(op, intended, sent, pending.Result, warmup, releaseSlot);
        else
            _ = AwaitAsync(pending, op, intended, sent, warmup, releaseSlot);
    }

    private async Task AwaitAsync(ValueTask<OperationOutcome> pending, int op, long intended, long sent, bool warmup, bool releaseSlot)
    {
        OperationOutcome outcome;
        try
        {
            outcome = await pending.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Cancelled(op, warmup, releaseSlot);
            return;
        }
        catch (Exception ex)
        {
            outcome = Unexpected(ex);
        }

        Complete(op, intended, sent, outcome, warmup, releaseSlot);
    }

    /// <summary>Closed-model path: the worker awaits its own operation.</summary>
    private async ValueTask RunOneAsync(long seq, int op, long intended, bool warmup, bool releaseSlot)
    {
        Recorder.OnStarted(warmup);
        long sent = time.GetTimestamp();
        OperationOutcome outcome;
        try
        {
            outcome = await executor.ExecuteAsync(new OperationRequest(seq, op), operationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Cancelled(op, warmup, releaseSlot);
            return;
        }
        catch (Exception ex)
        {
            outcome = Unexpected(ex);
        }

        Complete(op, intended, sent, outcome, warmup, releaseSlot);
    }

    private void Complete(int op, long intended, long sent, in OperationOutcome outcome, bool warmup, bool releaseSlot)
    {
        long end = time.GetTimestamp();
        if (!warmup)
            Recorder.Operations[op].Record(outcome, Micros(end - intended), Micros(end - sent));
        Recorder.OnOutcome(outcome.Kind);
        Recorder.OnFinished(warmup);
        if (releaseSlot) slots.Release();
    }

    private void Cancelled(int op, bool warmup, bool releaseSlot)
    {
        Recorder.OnCancelled(op, warmup);
        Recorder.OnFinished(warmup: false);
        if (releaseSlot) slots.Release();
    }

    // An executor is not supposed to throw; if it does, the run goes on and the reason is counted.
    private static OperationOutcome Unexpected(Exception ex) =>
        new(OutcomeKind.ClientError, Reason: "LoadLab." + ex.GetType().Name);
}
