using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity.Conformance;

/// <summary>
/// The same requests to dynalite directly and through the simulator, compared answer by answer: status,
/// Content-Type, CORS header, error type, message and body. Each side has its own tables (named alike up to a
/// prefix) so both see the same state. What may differ is what the simulator adds on purpose, listed in
/// <see cref="Deliberate"/> (docs/local-dynamodb.md explains each).
/// </summary>
[Collection("local-target")]
public sealed class DifferentialTests(LocalTargetFixture fixture)
{
    /// <summary>Exact item counts and sizes from the simulator's shadow index, where dynalite reports 0.</summary>
    private static readonly string[] Deliberate = ["ItemCount", "TableSizeBytes", "IndexSizeBytes"];

    /// <summary>Different on every call or every table: times, ids.</summary>
    private static readonly string[] Volatile = ["CreationDateTime", "LastUpdateToPayPerRequestDateTime", "TableId", "LastIncreaseDateTime", "LastDecreaseDateTime"];

    [Theory]
    [InlineData(ProxyTransport.Loopback)]
    [InlineData(ProxyTransport.InProcess)]
    public async Task The_simulator_answers_every_request_as_the_emulator_behind_it(ProxyTransport transport)
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        using var direct = new HttpClient { BaseAddress = fixture.Endpoint };
        using var proxied = transport == ProxyTransport.InProcess
            ? new HttpClient(bed.Proxy.CreateInProcessHandler()) { BaseAddress = bed.Proxy.Endpoint }
            : new HttpClient { BaseAddress = bed.Proxy.Endpoint };
        string suffix = Guid.NewGuid().ToString("N")[..10];
        var directSide = new Side(direct, "dd_" + suffix, "du_" + suffix);
        var proxySide = new Side(proxied, "pp_" + suffix, "pu_" + suffix);
        var differences = new List<string>();

        foreach (var request in WireRequests.All())
        {
            string expected = await directSide.SendAsync(request);
            string actual = await proxySide.SendAsync(request);
            if (expected != actual)
                differences.Add($"{request.Name}:{Environment.NewLine}  dynalite:  {expected}{Environment.NewLine}  simulator: {actual}");
            if (request.WaitForTables)
            {
                await directSide.WaitForTablesAsync();
                await proxySide.WaitForTablesAsync();
            }
        }

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    private sealed class Side(HttpClient http, string table, string other)
    {
        public async Task<string> SendAsync(WireRequest request)
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), "/" + request.Query);
            if (request.Method != "GET" && request.Method != "OPTIONS")
            {
                message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Named(request.Body)));
                if (request.ContentType is not null)
                    message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }

            if (request.Target is { Length: > 0 } target)
                message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
            if (request.Auth.Length > 0)
            {
                message.Headers.TryAddWithoutValidation("Authorization", request.Auth);
                message.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");
            }

            foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
                message.Headers.TryAddWithoutValidation(name, value);
            using var response = await http.SendAsync(message);
            string body = await response.Content.ReadAsStringAsync();
            string media = response.Content.Headers.ContentType?.MediaType ?? "-";
            string cors = string.Join(" ", new[] { "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers" }
                .Select(h => response.Headers.TryGetValues(h, out var v) ? h + "=" + string.Join(",", v) : string.Empty).Where(h => h.Length > 0));
            return $"{(int)response.StatusCode} {media} [{cors}] {Normalize(body)}";
        }

        public async Task WaitForTablesAsync()
        {
            foreach (string name in new[] { "@T", "@U" })
            {
                for (int i = 0; i < 200; i++)
                {
                    string answer = await SendAsync(new WireRequest("wait", "POST", "{\"TableName\":\"" + name + "\"}", Target: "DynamoDB_20120810.DescribeTable"));
                    if (answer.Contains("\"TableStatus\":\"ACTIVE\"", StringComparison.Ordinal))
                        break;
                    await Task.Delay(25);
                }
            }
        }

        private string Named(string text) => text.Replace("@T", table, StringComparison.Ordinal).Replace("@U", other, StringComparison.Ordinal);

        private string Normalize(string body)
        {
            string text = body.Replace(table, "@T", StringComparison.Ordinal).Replace(other, "@U", StringComparison.Ordinal);
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                return text; // the 404 <UnknownOperationException/>, the health text
            }

            Strip(node);
            return node?.ToJsonString() ?? "null";
        }

        private static void Strip(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                foreach (string name in obj.Select(p => p.Key).ToList())
                {
                    if (Volatile.Contains(name) || Deliberate.Contains(name))
                        obj.Remove(name);
                    else
                        Strip(obj[name]);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                    Strip(child);
            }
        }
    }
}
