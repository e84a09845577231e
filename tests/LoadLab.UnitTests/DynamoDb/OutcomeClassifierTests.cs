using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LoadLab.Core.Outcomes;
using LoadLab.DynamoDb.Driver;

namespace LoadLab.UnitTests.DynamoDb;

public sealed class OutcomeClassifierTests
{
    private static T Service<T>(Func<string, ErrorType, string, string, HttpStatusCode, T> create, string code, HttpStatusCode status, ErrorType type = ErrorType.Sender)
        where T : AmazonServiceException => create("fake", type, code, "request-1", status);

    [Fact]
    public void ProvisionedThroughputExceeded_with_reasons_is_throttled_with_the_first_reason()
    {
        var ex = Service((m, t, c, r, s) => new ProvisionedThroughputExceededException(m, t, c, r, s), "ProvisionedThroughputExceededException", HttpStatusCode.BadRequest);
        ex.ThrottlingReasons = [new ThrottlingReason { Reason = "KeyRangeThroughputExceeded", Resource = "arn:table" }, new ThrottlingReason { Reason = "TableReadProvisionedThroughputExceeded" }];

        Assert.Equal((OutcomeKind.Throttled, "KeyRangeThroughputExceeded"), OutcomeClassifier.Classify(ex));
    }

    [Fact]
    public void ProvisionedThroughputExceeded_without_reasons_is_throttled_with_a_generic_reason()
    {
        var nullList = new ProvisionedThroughputExceededException("fake") { ThrottlingReasons = null! };
        var emptyList = new ProvisionedThroughputExceededException("fake") { ThrottlingReasons = [] };

        Assert.Equal((OutcomeKind.Throttled, "ProvisionedThroughputExceeded"), OutcomeClassifier.Classify(nullList));
        Assert.Equal((OutcomeKind.Throttled, "ProvisionedThroughputExceeded"), OutcomeClassifier.Classify(emptyList));
    }

    [Fact]
    public void RequestLimitExceeded_is_throttled()
    {
        var ex = Service((m, t, c, r, s) => new RequestLimitExceededException(m, t, c, r, s), "RequestLimitExceeded", HttpStatusCode.BadRequest);

        Assert.Equal((OutcomeKind.Throttled, "RequestLimitExceeded"), OutcomeClassifier.Classify(ex));
    }

    [Fact]
    public void ThrottlingException_is_throttled_by_type_and_by_error_code()
    {
        var typed = Service((m, t, c, r, s) => new ThrottlingException(m, t, c, r, s), "ThrottlingException", HttpStatusCode.BadRequest);
        var byCode = new AmazonServiceException("fake", ErrorType.Sender, "Throttling", "r", HttpStatusCode.BadRequest);
        var byOtherCode = new AmazonServiceException("fake", ErrorType.Sender, "ThrottlingException", "r", HttpStatusCode.BadRequest);

        Assert.Equal((OutcomeKind.Throttled, "ThrottlingException"), OutcomeClassifier.Classify(typed));
        Assert.Equal((OutcomeKind.Throttled, "Throttling"), OutcomeClassifier.Classify(byCode));
        Assert.Equal((OutcomeKind.Throttled, "ThrottlingException"), OutcomeClassifier.Classify(byOtherCode));
    }

    [Fact]
    public void ThrottlingException_with_reasons_uses_the_reason()
    {
        var ex = new ThrottlingException("fake") { ThrottlingReasons = [new ThrottlingReason { Reason = "TableWriteKeyRangeThroughputExceeded" }] };

        Assert.Equal((OutcomeKind.Throttled, "TableWriteKeyRangeThroughputExceeded"), OutcomeClassifier.Classify(ex));
    }

    [Fact]
    public void Untyped_throttles_are_recognised_by_error_code()
    {
        var provisioned = new AmazonServiceException("fake", ErrorType.Sender, "ProvisionedThroughputExceededException", "r", HttpStatusCode.BadRequest);
        var limit = new AmazonServiceException("fake", ErrorType.Sender, "RequestLimitExceeded", "r", HttpStatusCode.BadRequest);

        Assert.Equal((OutcomeKind.Throttled, "ProvisionedThroughputExceeded"), OutcomeClassifier.Classify(provisioned));
        Assert.Equal((OutcomeKind.Throttled, "RequestLimitExceeded"), OutcomeClassifier.Classify(limit));
    }

    [Fact]
    public void Any_service_exception_with_HTTP_429_is_throttled()
    {
        var withCode = new AmazonServiceException("fake", ErrorType.Sender, "SlowDown", "r", HttpStatusCode.TooManyRequests);
        var withoutCode = new AmazonServiceException("fake", ErrorType.Unknown, null, "r", HttpStatusCode.TooManyRequests);

        Assert.Equal((OutcomeKind.Throttled, "SlowDown"), OutcomeClassifier.Classify(withCode));
        Assert.Equal((OutcomeKind.Throttled, "TooManyRequests"), OutcomeClassifier.Classify(withoutCode));
    }

    [Fact]
    public void ConditionalCheckFailed_is_condition_failed()
    {
        var ex = Service((m, t, c, r, s) => new ConditionalCheckFailedException(m, t, c, r, s), "ConditionalCheckFailedException", HttpStatusCode.BadRequest);

        Assert.Equal((OutcomeKind.ConditionFailed, "ConditionalCheckFailed"), OutcomeClassifier.Classify(ex));
    }

    [Fact]
    public void TransactionCanceled_by_condition_checks_only_is_condition_failed()
    {
        var ex = new TransactionCanceledException("fake")
        {
            CancellationReasons = [new CancellationReason { Code = "None" }, new CancellationReason { Code = "ConditionalCheckFailed" }],
        };

        Assert.Equal((OutcomeKind.ConditionFailed, "ConditionalCheckFailed"), OutcomeClassifier.Classify(ex));
    }

    [Fact]
    public void TransactionCanceled_for_another_reason_is_a_client_error()
    {
        var conflict = new TransactionCanceledException("fake")
        {
            CancellationReasons = [new CancellationReason { Code = "ConditionalCheckFailed" }, new CancellationReason { Code = "TransactionConflict" }],
        };
        var noReasons = new TransactionCanceledException("fake") { CancellationReasons = null! };

        Assert.Equal((OutcomeKind.ClientError, "TransactionCanceled:TransactionConflict"), OutcomeClassifier.Classify(conflict));
        Assert.Equal((OutcomeKind.ClientError, "TransactionCanceled"), OutcomeClassifier.Classify(noReasons));
    }

    [Fact]
    public void TransactionCanceled_by_throttling_is_throttled()
    {
        var ex = new TransactionCanceledException("fake")
        {
            CancellationReasons = [new CancellationReason { Code = "ThrottlingError" }, new CancellationReason { Code = "None" }],
        };

        Assert.Equal((OutcomeKind.Throttled, "TransactionThrottled"), OutcomeClassifier.Classify(ex));
    }

    [Fact]
    public void Other_4xx_is_a_client_error_named_by_its_error_code()
    {
        var notFound = Service((m, t, c, r, s) => new ResourceNotFoundException(m, t, c, r, s), "ResourceNotFoundException", HttpStatusCode.BadRequest, ErrorType.Unknown);
        var denied = new AmazonServiceException("fake", ErrorType.Sender, "AccessDeniedException", "r", HttpStatusCode.Forbidden);
        var noCode = new AmazonServiceException("fake", ErrorType.Sender, null, "r", HttpStatusCode.NotFound);

        Assert.Equal((OutcomeKind.ClientError, "ResourceNotFoundException"), OutcomeClassifier.Classify(notFound));
        Assert.Equal((OutcomeKind.ClientError, "AccessDeniedException"), OutcomeClassifier.Classify(denied));
        Assert.Equal((OutcomeKind.ClientError, "HTTP404"), OutcomeClassifier.Classify(noCode));
    }

    [Fact]
    public void Sender_error_without_status_is_a_client_error()
    {
        var ex = new AmazonServiceException("fake", ErrorType.Sender, "ValidationException", "r", 0);

        Assert.Equal((OutcomeKind.ClientError, "ValidationException"), OutcomeClassifier.Classify(ex));
    }

    [Fact]
    public void Server_errors_are_server_errors()
    {
        var internalError = Service((m, t, c, r, s) => new InternalServerErrorException(m, t, c, r, s), "InternalServerError", HttpStatusCode.InternalServerError, ErrorType.Receiver);
        var unavailable = new AmazonServiceException("fake", ErrorType.Receiver, "ServiceUnavailable", "r", HttpStatusCode.ServiceUnavailable);
        var receiverWithoutStatus = new AmazonServiceException("fake", ErrorType.Receiver, "InternalFailure", "r", 0);
        var typedWithoutStatus = new InternalServerErrorException("fake");

        Assert.Equal((OutcomeKind.ServerError, "InternalServerError"), OutcomeClassifier.Classify(internalError));
        Assert.Equal((OutcomeKind.ServerError, "ServiceUnavailable"), OutcomeClassifier.Classify(unavailable));
        Assert.Equal((OutcomeKind.ServerError, "InternalFailure"), OutcomeClassifier.Classify(receiverWithoutStatus));
        Assert.Equal(OutcomeKind.ServerError, OutcomeClassifier.Classify(typedWithoutStatus).Kind);
    }

    [Fact]
    public void Timeouts_are_timeouts()
    {
        // What the SDK throws when an attempt exceeds ClientConfig.Timeout (observed with AWSSDK.Core 4.1.0).
        var sdkTimeout = new TimeoutException("The operation was canceled.", new TaskCanceledException("canceled", new IOException("read", new SocketException((int)SocketError.OperationAborted))));
        var taskCanceled = new TaskCanceledException("HttpClient.Timeout elapsed", new TimeoutException());
        var wrapped = new AmazonServiceException("wrapped", new TimeoutException("slow"));
        var socketTimeout = new HttpRequestException("timed out", new SocketException((int)SocketError.TimedOut));

        Assert.Equal((OutcomeKind.Timeout, "Timeout"), OutcomeClassifier.Classify(sdkTimeout));
        Assert.Equal(OutcomeKind.Timeout, OutcomeClassifier.Classify(taskCanceled).Kind);
        Assert.Equal(OutcomeKind.Timeout, OutcomeClassifier.Classify(new TaskCanceledException()).Kind);
        Assert.Equal((OutcomeKind.Timeout, "Timeout"), OutcomeClassifier.Classify(wrapped));
        Assert.Equal((OutcomeKind.Timeout, "TimedOut"), OutcomeClassifier.Classify(socketTimeout));
    }

    [Fact]
    public void Network_failures_are_network_errors_named_by_the_socket_error()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        var bare = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");
        var io = new IOException("broken pipe");
        var wrapped = new AmazonServiceException("wrapped", new HttpRequestException("reset", new IOException("reset", new SocketException((int)SocketError.ConnectionReset))));

        Assert.Equal((OutcomeKind.NetworkError, "ConnectionRefused"), OutcomeClassifier.Classify(refused));
        Assert.Equal((OutcomeKind.NetworkError, "ResponseEnded"), OutcomeClassifier.Classify(bare));
        Assert.Equal((OutcomeKind.NetworkError, "IOException"), OutcomeClassifier.Classify(io));
        Assert.Equal((OutcomeKind.NetworkError, "ConnectionReset"), OutcomeClassifier.Classify(new SocketException((int)SocketError.ConnectionReset)));
        Assert.Equal((OutcomeKind.NetworkError, "ConnectionReset"), OutcomeClassifier.Classify(wrapped));
    }

    [Fact]
    public void A_single_exception_in_an_AggregateException_is_classified_as_itself()
    {
        var ex = new AggregateException(new ConditionalCheckFailedException("fake"));

        Assert.Equal(OutcomeKind.ConditionFailed, OutcomeClassifier.Classify(ex).Kind);
    }

    [Fact]
    public void Anything_else_is_a_client_error_named_by_its_type()
    {
        Assert.Equal((OutcomeKind.ClientError, "InvalidOperationException"), OutcomeClassifier.Classify(new InvalidOperationException("bug")));
        Assert.Equal((OutcomeKind.ClientError, "AmazonClientException"), OutcomeClassifier.Classify(new AmazonClientException("no credentials")));
    }

    [Fact]
    public void IsThrottle_agrees_with_Classify()
    {
        Assert.True(OutcomeClassifier.IsThrottle(new RequestLimitExceededException("fake"), out var reason));
        Assert.Equal("RequestLimitExceeded", reason);
        Assert.False(OutcomeClassifier.IsThrottle(new ConditionalCheckFailedException("fake"), out _));
        Assert.False(OutcomeClassifier.IsThrottle(new TimeoutException(), out _));
    }
}
