using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using LoadLab.DynamoDb.Client;

namespace LoadLab.TestSupport;

/// <summary>A request the fake received: the DynamoDB operation (from X-Amz-Target), its JSON body and its 1-based call number.</summary>
public sealed record FakeRequest(string Operation, JsonElement Body, int Call);

/// <summary>
/// Answers DynamoDB HTTP requests in memory, so tests run the real SDK pipeline (marshalling, retries, error
/// unmarshalling, our observer) without a network or a process. It records every request, and the
/// <c>X-Amzn-Trace-Id</c> header of every attempt (null when none was sent) for the tracing tests.
/// </summary>
public sealed class FakeDynamoDbHttp(Func<FakeRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public ConcurrentQueue<string?> TraceHeaders { get; } = new();

    /// <summary>Adds a request id (<c>REQ</c> and the call number) to every answer, as DynamoDB does.</summary>
    public bool AddsRequestIds { get; init; }

    /// <summary>A fake that answers by call number (1-based) and adds request ids: what the tracing tests look at.</summary>
    public static FakeDynamoDbHttp Traced(Func<int, HttpResponseMessage> respond) => new(r => respond(r.Call)) { AddsRequestIds = true };

    public AmazonDynamoDBClient CreateClient(int maxAttempts = 3) =>
        DynamoDbClientFactory.Create(
            new DynamoDbTargetOptions { Endpoint = new Uri("http://fake.invalid"), UseLocalCredentials = true, MaxAttempts = maxAttempts, InProcessHandler = this });

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.0") };

    /// <summary>An error the way DynamoDB sends it: a JSON body whose <c>__type</c> names the exception.</summary>
    public static HttpResponseMessage Error(string type, string extraJson = "", HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        string extra = extraJson.Length == 0 ? string.Empty : "," + extraJson;
        return Json($$"""{"__type":"com.amazonaws.dynamodb.v20120810#{{type}}","message":"fake {{type}}"{{extra}}}""", status);
    }

    public static HttpResponseMessage Throttle(string reason) =>
        Error("ProvisionedThroughputExceededException", $$""" "ThrottlingReasons":[{"reason":"{{reason}}","resource":"arn:aws:dynamodb:us-east-1:000000000000:table/customers"}]""");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        string target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : string.Empty;
        using var document = JsonDocument.Parse(body);
        TraceHeaders.Enqueue(request.Headers.TryGetValues("X-Amzn-Trace-Id", out var trace) ? trace.Single() : null);
        var fake = new FakeRequest(target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..], document.RootElement.Clone(), Interlocked.Increment(ref calls));
        Requests.Enqueue(fake);
        var response = respond(fake);
        if (AddsRequestIds)
            response.Headers.Add("x-amzn-RequestId", "REQ" + fake.Call.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }
}

/// <summary>Canned DynamoDB answers the tracing tests share.</summary>
public static class DynamoDbAnswers
{
    public static HttpResponseMessage Item() =>
        FakeDynamoDbHttp.Json("""{"Item":{},"ConsumedCapacity":{"TableName":"Customers","CapacityUnits":0.5}}""");

    public static HttpResponseMessage Throttle() => FakeDynamoDbHttp.Throttle("KeyRangeThroughputExceeded");

    public static HttpResponseMessage ServerError() =>
        FakeDynamoDbHttp.Error("InternalServerError", status: HttpStatusCode.InternalServerError);

    public static HttpResponseMessage Validation() =>
        FakeDynamoDbHttp.Error("ValidationException", "\"Message\":\"value CUSTOMER#secret-42 is invalid\"");
}
