using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using LoadLab.DynamoDb.Client;

namespace LoadLab.UnitTests.DynamoDb;

/// <summary>A request the fake received: the DynamoDB operation (from X-Amz-Target), its JSON body and its 1-based call number.</summary>
internal sealed record FakeRequest(string Operation, JsonElement Body, int Call);

/// <summary>
/// Answers DynamoDB HTTP requests in memory, so unit tests run the real SDK pipeline (marshalling, retries, error
/// unmarshalling, our observer) without a network or a process.
/// </summary>
internal sealed class FakeDynamoDbHttp(Func<FakeRequest, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

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
        var fake = new FakeRequest(target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..], document.RootElement.Clone(), Interlocked.Increment(ref calls));
        Requests.Enqueue(fake);
        return respond(fake);
    }
}
