using Amazon.Runtime;
using Amazon.Runtime.Internal;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.DynamoDb.Client;

/// <summary>
/// Runs once per HTTP attempt (it sits inside the SDK's RetryHandler) and records the attempt, and whether it was
/// throttled, in the <see cref="AttemptRecord"/> of the calling operation. Throttles the SDK retried away are
/// otherwise invisible: the caller only ever sees the last attempt.
/// </summary>
internal sealed class AttemptObserverHandler : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext)
    {
        var record = AttemptScope.Current;
        if (record is null)
        {
            base.InvokeSync(executionContext);
            return;
        }

        record.OnAttemptStarted();
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception ex)
        {
            Observe(record, ex);
            throw;
        }
        finally
        {
            record.OnAttemptEnded(SdkRetries(executionContext));
        }
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var record = AttemptScope.Current;
        if (record is null)
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);

        record.OnAttemptStarted();
        try
        {
            return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Observe(record, ex);
            throw;
        }
        finally
        {
            record.OnAttemptEnded(SdkRetries(executionContext));
        }
    }

    private static void Observe(AttemptRecord record, Exception ex)
    {
        if (OutcomeClassifier.IsThrottle(ex, out var reason))
            record.OnThrottled(reason);
    }

    // The SDK's own count of retries so far; a cross-check for the observer's count.
    private static int SdkRetries(IExecutionContext context) => context.RequestContext?.Retries ?? 0;
}
