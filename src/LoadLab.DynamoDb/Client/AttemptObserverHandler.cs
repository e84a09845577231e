using Amazon.Runtime;
using Amazon.Runtime.Internal;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.DynamoDb.Client;

/// <summary>
/// Runs once per HTTP attempt (it sits inside the SDK's RetryHandler) and records the attempt, and whether it was
/// throttled, in the <see cref="AttemptRecord"/> of the calling operation. Throttles the SDK retried away are
/// otherwise invisible: the caller only ever sees the last attempt. For traced operations it also records each
/// attempt's timing, status and request id, and sends the <c>X-Amzn-Trace-Id</c> header.
/// </summary>
internal sealed class AttemptObserverHandler : PipelineHandler
{
    internal const string TraceHeaderName = "X-Amzn-Trace-Id";

    public override void InvokeSync(IExecutionContext executionContext)
    {
        var record = AttemptScope.Current;
        if (record is null)
        {
            base.InvokeSync(executionContext);
            return;
        }

        record.OnAttemptStarted();
        int detail = record.DetailClock is null ? -1 : BeginDetail(record, executionContext);
        try
        {
            base.InvokeSync(executionContext);
            if (detail >= 0) EndDetail(record, detail, executionContext, null, null);
        }
        catch (Exception ex)
        {
            string? throttle = Observe(record, ex);
            if (detail >= 0) EndDetail(record, detail, executionContext, ex, throttle);
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
        int detail = record.DetailClock is null ? -1 : BeginDetail(record, executionContext);
        try
        {
            var response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            if (detail >= 0) EndDetail(record, detail, executionContext, null, null);
            return response;
        }
        catch (Exception ex)
        {
            string? throttle = Observe(record, ex);
            if (detail >= 0) EndDetail(record, detail, executionContext, ex, throttle);
            throw;
        }
        finally
        {
            record.OnAttemptEnded(SdkRetries(executionContext));
        }
    }

    private static string? Observe(AttemptRecord record, Exception ex)
    {
        if (OutcomeClassifier.IsInjected(ex))
            record.OnInjected();
        if (!OutcomeClassifier.IsThrottle(ex, out var reason))
            return null;
        record.OnThrottled(reason);
        return reason;
    }

    // Tracing only: set the header (before the signer runs, like the X-Ray SDK) and note what the attempt sends.
    private static int BeginDetail(AttemptRecord record, IExecutionContext context)
    {
        var requestContext = context.RequestContext;
        var request = requestContext?.Request;
        if (record.TraceHeader is { } header && request is not null)
            request.Headers[TraceHeaderName] = header;
        return record.BeginDetail(requestContext, record.DetailClock!.GetTimestamp(), requestContext?.RequestName, BodyLength(request));
    }

    // SDK v4 marshals DynamoDB bodies into a pooled stream rather than Content.
    private static long BodyLength(IRequest? request) => request switch
    {
        { ContentStream: { CanSeek: true } stream } => stream.Length,
        { Content: { } content } => content.Length,
        _ => 0,
    };

    private static void EndDetail(AttemptRecord record, int slot, IExecutionContext context, Exception? error, string? throttleReason)
    {
        long end = record.DetailClock!.GetTimestamp();
        int status;
        string? requestId;
        if (error is null)
        {
            status = (int)(context.ResponseContext?.HttpResponse?.StatusCode ?? 0);
            requestId = context.ResponseContext?.Response?.ResponseMetadata?.RequestId;
        }
        else
        {
            // On failure the response context may still hold an earlier attempt's response; the exception is this one's.
            var service = error as AmazonServiceException;
            status = (int)(service?.StatusCode ?? 0);
            requestId = service?.RequestId;
        }

        long responseBytes = status > 0 ? Math.Max(0, context.ResponseContext?.HttpResponse?.ContentLength ?? 0) : 0;
        record.EndDetail(slot, end, status, string.IsNullOrEmpty(requestId) ? null : requestId, throttleReason, error, responseBytes);
    }

    // The SDK's own count of retries so far; a cross-check for the observer's count.
    private static int SdkRetries(IExecutionContext context) => context.RequestContext?.Retries ?? 0;
}
