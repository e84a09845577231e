using Amazon.Runtime;
using LoadLab.DynamoDb.Client;
using LoadLab.Tracing.Capture;

namespace LoadLab.Runner.Tracing;

/// <summary>
/// Connects tracing to the attempt observer: arming goes to <see cref="AttemptScope"/>, and a traced call's
/// <see cref="AttemptRecord"/> is read back as attempt spans. Error messages are passed on only where they cannot
/// echo request values (throttles, 5xx, transport errors): a validation message may quote an attribute value.
/// </summary>
public sealed class DynamoDbCallCapture : ICallCapture
{
    public static readonly DynamoDbCallCapture Instance = new();

    private DynamoDbCallCapture()
    {
    }

    public void Arm(TimeProvider clock, string? traceHeader) => AttemptScope.Arm(clock, traceHeader);

    public object? Disarm() => AttemptScope.Disarm();

    public CallDetails Read(object token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var record = (AttemptRecord)token;
        var calls = new List<(string? Operation, List<AttemptSpan> Attempts)>();
        foreach (var d in record.Details)
        {
            while (calls.Count <= d.Call)
                calls.Add((null, []));
            var (operation, attempts) = calls[d.Call];
            attempts.Add(new AttemptSpan(d.Start, d.End, d.Status, d.RequestId, d.ThrottleReason, ErrorOf(d), d.RequestBytes, d.ResponseBytes));
            calls[d.Call] = (operation ?? OperationOf(d.RequestName), attempts);
        }

        // A call whose attempts were all beyond the bound has no entry; skip the gap rather than show an empty call.
        return new CallDetails([.. calls.Where(c => c.Attempts.Count > 0).Select(c => new CapturedCall(c.Operation, c.Attempts))], record.DetailsNotKept);
    }

    /// <summary><c>GetItemRequest</c> → <c>GetItem</c>.</summary>
    internal static string? OperationOf(string? requestName) =>
        requestName is not null && requestName.EndsWith("Request", StringComparison.Ordinal) ? requestName[..^"Request".Length] : requestName;

    private static AttemptError? ErrorOf(in AttemptDetail detail)
    {
        if (detail.Error is not { } error)
            return null;
        var root = error is AggregateException { InnerExceptions.Count: 1 } single ? single.InnerExceptions[0] : error;
        if (root is AmazonServiceException service)
        {
            bool safe = detail.ThrottleReason is not null || (int)service.StatusCode >= 500;
            return new AttemptError(root.GetType().Name, service.ErrorCode, safe ? service.Message : null, Remote: true);
        }

        // Timeouts and network failures: the message names the endpoint or the timeout, never request content.
        return new AttemptError(root.GetType().Name, null, root.Message, Remote: false);
    }
}
