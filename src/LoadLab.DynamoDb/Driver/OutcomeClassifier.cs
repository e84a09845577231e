using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Core.Outcomes;

namespace LoadLab.DynamoDb.Driver;

/// <summary>
/// The one place where exceptions from the SDK and the network become <see cref="OutcomeKind"/> values. The executor,
/// the attempt observer and the seeder all ask here, so a throttle means the same thing everywhere.
/// </summary>
public static class OutcomeClassifier
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailed";

    /// <summary>
    /// Classifies an exception from an SDK call. The caller's own cancellation is not a target outcome: check
    /// the caller's token before classifying, because here every cancellation counts as a timeout.
    /// </summary>
    public static (OutcomeKind Kind, string Reason) Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AggregateException { InnerExceptions.Count: 1 } single)
            return Classify(single.InnerExceptions[0]);
        if (exception is AmazonServiceException service)
            return ClassifyService(service);
        return ClassifyTransport(exception) ?? (OutcomeKind.ClientError, exception.GetType().Name);
    }

    /// <summary>
    /// True when the failure is one the capacity simulator injected (simulator.faults): its message, or that of an
    /// exception it wraps (a reset connection), carries <see cref="InjectedFaults.Marker"/>. It is still classified as
    /// what the client saw; this only lets it be counted apart.
    /// </summary>
    public static bool IsInjected(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (InjectedFaults.IsMarked(e.Message))
                return true;
        }

        return false;
    }

    /// <summary>True when the exception is a throttle; <paramref name="reason"/> then says which.</summary>
    public static bool IsThrottle(Exception exception, out string reason)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is AmazonServiceException service && ThrottleReason(service) is { } r)
        {
            reason = r;
            return true;
        }

        reason = string.Empty;
        return false;
    }

    private static (OutcomeKind, string) ClassifyService(AmazonServiceException ex)
    {
        if (ThrottleReason(ex) is { } throttle)
            return (OutcomeKind.Throttled, throttle);

        switch (ex)
        {
            case ConditionalCheckFailedException:
                return (OutcomeKind.ConditionFailed, ConditionalCheckFailed);
            case DuplicateItemException:
                // A PartiQL INSERT of an item that exists: its implicit attribute_not_exists failed.
                return (OutcomeKind.ConditionFailed, "DuplicateItem");
            case TransactionCanceledException canceled:
                return ClassifyTransaction(canceled);
            case InternalServerErrorException:
                return (OutcomeKind.ServerError, ex.ErrorCode ?? nameof(InternalServerErrorException));
        }

        int status = (int)ex.StatusCode;
        if (status >= 500)
            return (OutcomeKind.ServerError, ex.ErrorCode ?? StatusReason(status));
        if (status >= 400)
            return (OutcomeKind.ClientError, ex.ErrorCode ?? StatusReason(status));

        // No HTTP status: the SDK wrapped something that happened before or instead of a response.
        if (ex.InnerException is not null && ClassifyTransport(ex.InnerException) is { } transport)
            return transport;
        return ex.ErrorType switch
        {
            ErrorType.Receiver => (OutcomeKind.ServerError, ex.ErrorCode ?? ex.GetType().Name),
            _ => (OutcomeKind.ClientError, ex.ErrorCode ?? ex.GetType().Name),
        };
    }

    /// <summary>The throttle reason, or null when the exception is not a throttle.</summary>
    private static string? ThrottleReason(AmazonServiceException ex) => ex switch
    {
        ProvisionedThroughputExceededException p => FirstReason(p.ThrottlingReasons) ?? "ProvisionedThroughputExceeded",
        RequestLimitExceededException r => FirstReason(r.ThrottlingReasons) ?? "RequestLimitExceeded",
        ThrottlingException t => FirstReason(t.ThrottlingReasons) ?? t.ErrorCode ?? "Throttling",
        // By code too: a proxy or an untyped unmarshal path may deliver these as plain AmazonServiceException.
        _ when ex.ErrorCode is "ProvisionedThroughputExceededException" => "ProvisionedThroughputExceeded",
        _ when ex.ErrorCode is "RequestLimitExceeded" => "RequestLimitExceeded",
        _ when ex.ErrorCode is "ThrottlingException" or "Throttling" => ex.ErrorCode,
        _ when ex.StatusCode == HttpStatusCode.TooManyRequests => ex.ErrorCode ?? "TooManyRequests",
        TransactionCanceledException c when HasCode(c, "ThrottlingError") => "TransactionThrottled",
        _ => null,
    };

    private static string? FirstReason(List<ThrottlingReason>? reasons)
    {
        if (reasons is null)
            return null;
        foreach (var r in reasons)
        {
            if (!string.IsNullOrEmpty(r?.Reason))
                return r.Reason;
        }

        return null;
    }

    // CancellationReasons has one entry per item of the transaction; "None" marks items that were not the cause.
    private static (OutcomeKind, string) ClassifyTransaction(TransactionCanceledException ex)
    {
        bool anyCause = false;
        string? other = null;
        foreach (var reason in ex.CancellationReasons ?? [])
        {
            if (reason?.Code is null or "None")
                continue;
            anyCause = true;
            if (reason.Code != ConditionalCheckFailed)
                other ??= reason.Code;
        }

        if (anyCause && other is null)
            return (OutcomeKind.ConditionFailed, ConditionalCheckFailed);
        return (OutcomeKind.ClientError, other is null ? "TransactionCanceled" : "TransactionCanceled:" + other);
    }

    private static bool HasCode(TransactionCanceledException ex, string code) =>
        ex.CancellationReasons?.Exists(r => r?.Code == code) == true;

    /// <summary>Timeouts and network failures, looked for along the inner-exception chain; null when neither.</summary>
    private static (OutcomeKind, string)? ClassifyTransport(Exception exception)
    {
        // A timeout outranks the network error it usually wraps: the SDK throws TimeoutException around
        // TaskCanceledException around IOException around SocketException.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException:
                    return (OutcomeKind.Timeout, "Timeout");
                case OperationCanceledException:
                    return (OutcomeKind.Timeout, "Canceled");
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                    return (OutcomeKind.Timeout, nameof(SocketError.TimedOut));
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException socket:
                    return (OutcomeKind.NetworkError, socket.SocketErrorCode.ToString());
                case HttpRequestException http when FindSocket(http) is null:
                    return (OutcomeKind.NetworkError, http.HttpRequestError.ToString());
                case IOException when FindSocket(e) is null:
                    return (OutcomeKind.NetworkError, e.GetType().Name);
            }
        }

        return null;
    }

    private static SocketException? FindSocket(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is SocketException s)
                return s;
        }

        return null;
    }

    private static string StatusReason(int status) => "HTTP" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
