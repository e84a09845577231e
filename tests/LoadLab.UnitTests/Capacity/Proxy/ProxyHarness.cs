using System.Text;
using System.Text.Json;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.Capacity.Proxy.Hosting;
using LoadLab.Capacity.Proxy.Wire;
using Microsoft.AspNetCore.Http;

namespace LoadLab.UnitTests.Capacity.Proxy;

/// <summary>The proxy's request pipeline in process: a scripted model, a fake emulator, no sockets.</summary>
internal sealed class ProxyHarness : IDisposable
{
    public const string Table = "Orders";

    private readonly ProxyServices services;
    private readonly ProxyDispatcher dispatcher;

    public ProxyHarness(ThrottleEmissionOptions? emission = null, TimeProvider? time = null, LoadLab.Capacity.Proxy.Faults.FaultSettings? faults = null, bool faultsFromStart = true, TimeSpan tableStatusDelay = default)
    {
        Model = new ScriptedCapacityModel { Settings = new CapacitySettings { Faults = faults ?? LoadLab.Capacity.Proxy.Faults.FaultSettings.None, TableStatusDelay = tableStatusDelay } };
        services = new ProxyServices(
            new CapacityProxyOptions
            {
                Upstream = new Uri("http://127.0.0.1:1/"),
                Region = "eu-west-1",
                AccountId = "111122223333",
                Emission = emission ?? new(),
                UpstreamHandler = Upstream,
                TimeProvider = time ?? TimeProvider.System,
                FaultsFromStart = faultsFromStart,
            },
            Model);
        dispatcher = new ProxyDispatcher(services);
    }

    public ScriptedCapacityModel Model { get; }

    /// <summary>The dispatcher, for an in-process client (<see cref="LoadLab.Capacity.Proxy.InProcess.InProcessSimulatorHandler"/>).</summary>
    internal ProxyDispatcher Dispatcher => dispatcher;

    public FakeUpstream Upstream { get; } = new();

    internal ProxyServices Services => services;

    /// <summary>Creates a table through the proxy (so its shadow index is complete).</summary>
    public async Task CreateTableAsync(string json)
    {
        var previous = Upstream.Answer;
        Upstream.Answer = (op, body) => op == "CreateTable" ? (200, "{\"TableDescription\":" + body.GetRawText() + "}") : previous(op, body);
        var response = await SendAsync("CreateTable", json);
        Upstream.Answer = previous;
        Assert.Equal(200, response.Status);
    }

    /// <summary>A provisioned table Orders (pk S, sk S) with a GSI byStatus (status, KEYS_ONLY… or as given).</summary>
    public Task CreateOrdersAsync(string projection = "{\"ProjectionType\":\"ALL\"}", bool onDemand = false) => CreateTableAsync($$"""
        {"TableName":"{{Table}}",
         "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"status","AttributeType":"S"}],
         "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
         {{(onDemand ? "\"BillingMode\":\"PAY_PER_REQUEST\"," : "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":100,\"WriteCapacityUnits\":50},")}}
         "GlobalSecondaryIndexes":[{"IndexName":"byStatus","KeySchema":[{"AttributeName":"status","KeyType":"HASH"}],"Projection":{{projection}}
            {{(onDemand ? "" : ",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":10,\"WriteCapacityUnits\":5}")}}}]}
        """);

    public async Task<ProxyReply> SendAsync(string operation, string json, IDictionary<string, string>? headers = null, string? target = null)
    {
        var http = new DefaultHttpContext();
        var bytes = Encoding.UTF8.GetBytes(json);
        http.Request.Method = "POST";
        http.Request.Path = "/";
        http.Request.ContentType = "application/x-amz-json-1.0";
        http.Request.ContentLength = bytes.Length;
        http.Request.Headers["X-Amz-Target"] = target ?? "DynamoDB_20120810." + operation;
        http.Request.Headers.Authorization = "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00";
        http.Request.Headers["X-Amz-Date"] = "20260101T000000Z";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            http.Request.Headers[name] = value;
        http.Request.Body = new MemoryStream(bytes);
        var responseBody = new MemoryStream();
        http.Response.Body = responseBody;
        await dispatcher.HandleAsync(http);
        return new ProxyReply(http.Response.StatusCode, Encoding.UTF8.GetString(responseBody.ToArray()), responseBody.ToArray(), http.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }

    public Task<ProxyReply> SendRawAsync(Action<HttpContext> prepare) => SendRawAsync(prepare, dispatcher);

    public ProxyRequestStatistics Statistics => services.Statistics.Snapshot();

    public void Dispose() => services.Dispose();

    private static async Task<ProxyReply> SendRawAsync(Action<HttpContext> prepare, ProxyDispatcher dispatcher)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = new MemoryStream();
        var responseBody = new MemoryStream();
        http.Response.Body = responseBody;
        prepare(http);
        await dispatcher.HandleAsync(http);
        return new ProxyReply(http.Response.StatusCode, Encoding.UTF8.GetString(responseBody.ToArray()), responseBody.ToArray(), http.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }
}

internal sealed record ProxyReply(int Status, string Body, byte[] Bytes, Dictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Type => Json.TryGetProperty("__type", out var t) ? t.GetString() : null;

    /// <summary>The settled units per resource ("Orders", "Orders/byStatus") of the charges given.</summary>
    public static Dictionary<string, double> ByResource(IEnumerable<Charge> charges) =>
        charges.GroupBy(c => c.Index is null ? c.Table : c.Table + "/" + c.Index).ToDictionary(g => g.Key, g => g.Sum(c => c.Units));
}
