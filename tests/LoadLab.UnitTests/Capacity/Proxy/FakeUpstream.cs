using System.Net;
using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Proxy.Wire;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>
/// Stands in for dynalite inside the process: answers each forwarded request from <see cref="Answer"/>
/// (by operation and parsed body) and records what the proxy sent, side calls included.
/// </summary>
internal sealed class FakeUpstream : HttpMessageHandler
{
    private readonly Lock gate = new();

    public Func<string, JsonElement, (int Status, string Json)> Answer { get; set; } = (_, _) => (200, "{}");

    public List<(string Operation, string Body, Dictionary<string, string> Headers)> Requests { get; } = [];

    public IEnumerable<string> Operations
    {
        get
        {
            lock (gate)
                return Requests.Select(r => r.Operation).ToList();
        }
    }

    public static (int, string) Error(string type, string message = "") =>
        (400, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = "com.amazonaws.dynamodb.v20120810#" + type, ["message"] = message }));

    public JsonElement LastBody(string operation)
    {
        lock (gate)
            return JsonDocument.Parse(Requests.Last(r => r.Operation == operation).Body).RootElement.Clone();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        string target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : string.Empty;
        string operation = target.Contains('.', StringComparison.Ordinal) ? target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..] : target;
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        lock (gate)
            Requests.Add((operation, body, headers));
        using var document = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
        var (status, json) = Answer(operation, document.RootElement);
        var bytes = Encoding.UTF8.GetBytes(json);
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new ByteArrayContent(bytes) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "UPSTREAMREQUESTID");
        response.Headers.TryAddWithoutValidation("x-amz-crc32", Crc32.HeaderValue(bytes));
        return response;
    }
}
