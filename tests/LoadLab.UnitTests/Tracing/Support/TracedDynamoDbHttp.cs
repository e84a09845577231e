using System.Collections.Concurrent;
using System.Net;
using Amazon.DynamoDBv2;
using LoadLab.DynamoDb.Client;

namespace LoadLab.UnitTests.Tracing.Support;

/// <summary>
/// Answers DynamoDB requests in memory like the DynamoDb tests' fake, and also records the <c>X-Amzn-Trace-Id</c>
/// header of every attempt (null when none was sent) and adds a request id to every answer.
/// </summary>
internal sealed class TracedDynamoDbHttp(Func<int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int calls;

    public ConcurrentQueue<string?> TraceHeaders { get; } = new();

    public AmazonDynamoDBClient CreateClient(int maxAttempts = 3) =>
        DynamoDbClientFactory.Create(
            new DynamoDbTargetOptions { Endpoint = new Uri("http://fake.invalid"), UseLocalCredentials = true, MaxAttempts = maxAttempts, InProcessHandler = this });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TraceHeaders.Enqueue(request.Headers.TryGetValues("X-Amzn-Trace-Id", out var values) ? values.Single() : null);
        int call = Interlocked.Increment(ref calls);
        var response = respond(call);
        response.Headers.Add("x-amzn-RequestId", "REQ" + call.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Task.FromResult(response);
    }
}

/// <summary>Canned DynamoDB answers.</summary>
internal static class DynamoDbAnswers
{
    public static HttpResponseMessage Item() =>
        DynamoDb.FakeDynamoDbHttp.Json("""{"Item":{},"ConsumedCapacity":{"TableName":"Customers","CapacityUnits":0.5}}""");

    public static HttpResponseMessage Throttle() => DynamoDb.FakeDynamoDbHttp.Throttle("KeyRangeThroughputExceeded");

    public static HttpResponseMessage ServerError() =>
        DynamoDb.FakeDynamoDbHttp.Error("InternalServerError", status: HttpStatusCode.InternalServerError);

    public static HttpResponseMessage Validation() =>
        DynamoDb.FakeDynamoDbHttp.Error("ValidationException", "\"Message\":\"value CUSTOMER#secret-42 is invalid\"");
}
