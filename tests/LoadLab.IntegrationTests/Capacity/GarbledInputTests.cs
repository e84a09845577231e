using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Proxy.Wire;
using LoadLab.IntegrationTests.Fixtures;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>Nothing a client sends crashes the proxy or changes the model; every bad request gets a DynamoDB-style error.</summary>
[Collection("local-target")]
public sealed class GarbledInputTests(LocalTargetFixture fixture)
{
    private const int Requests = 3000;

    [Fact]
    public async Task Thousands_of_garbled_requests_get_DynamoDB_errors_and_the_proxy_still_serves_GetItem()
    {
        await using var bed = await ProxyTestBed.StartAsync(fixture);
        string table = await bed.CreateTableAsync();
        await bed.Client.PutItemAsync(new PutItemRequest { TableName = table, Item = ProxyTestBed.Item("a", "1", 100) });
        int settledBefore = bed.Model.SettledCharges.Count;
        using var http = new HttpClient { BaseAddress = bed.Proxy.Endpoint };
        var random = new Random(20261126);

        for (int i = 0; i < Requests; i++)
        {
            using var request = GarbledRequests.Next(random, table);
            using var response = await http.SendAsync(request);
            byte[] body = await response.Content.ReadAsByteArrayAsync();
            string context = $"request {i}: {request.Headers.GetValues("amz-sdk-invocation-id").First()[..Math.Min(8, request.Headers.GetValues("amz-sdk-invocation-id").First().Length)]} → {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}";
            GarbledRequests.AssertDynamoError((int)response.StatusCode, body, context);
            Assert.True(response.Headers.Contains("x-amzn-RequestId"), context);
            if (response.Headers.TryGetValues("x-amz-crc32", out var crc))
                Assert.Equal(Crc32.HeaderValue(body), crc.Single());
        }

        // An over-size body announced by Content-Length is answered at once, without reading it.
        var (status, answer) = await SendRawAsync(bed.Proxy.Endpoint, RawHead + "Content-Length: 17000000\r\n\r\n{", hangUp: false);
        Assert.Equal(413, status);
        Assert.Empty(answer);
        // A client that hangs up half-way through its body has left: Kestrel drops the request (nobody is
        // there to read an answer), and the proxy must simply carry on.
        foreach (string truncated in TruncatedRequests())
        {
            (status, answer) = await SendRawAsync(bed.Proxy.Endpoint, truncated, hangUp: true);
            Assert.True(status == 0 || (status is >= 400 and < 600), $"{status}: {answer}");
            if (status != 0)
                GarbledRequests.AssertDynamoError(status, Encoding.UTF8.GetBytes(answer), answer);
        }

        var get = await bed.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = ProxyTestBed.Key("a", "1"), ConsistentRead = true });
        Assert.Equal("a", get.Item["pk"].S);
        Assert.Equal(settledBefore + 1, bed.Model.SettledCharges.Count); // only the GetItem was charged
        Assert.True(bed.Proxy.RequestStatistics.Attempts >= Requests);
    }

    private const string RawHead =
        "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.GetItem\r\n";

    private static IEnumerable<string> TruncatedRequests()
    {
        yield return RawHead + "Content-Length: 200\r\n\r\n{\"TableName\":";
        yield return RawHead + "Content-Length: 5000\r\n\r\n" + new string('x', 100);
        yield return RawHead + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"Tab\r\n";
    }

    /// <summary>Sends raw bytes; reads one answer (status 0 when the connection closed without one).</summary>
    private static async Task<(int Status, string Body)> SendRawAsync(Uri endpoint, string request, bool hangUp)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        if (hangUp)
            client.Client.Shutdown(SocketShutdown.Send);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<byte>();
        var buffer = new byte[8192];
        try
        {
            while (!Complete(received))
            {
                int read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                    break;
                received.AddRange(buffer.AsSpan(0, read));
            }
        }
        catch (IOException)
        {
            // Reset by the server after it dropped the request.
        }

        string text = Encoding.ASCII.GetString(received.ToArray());
        if (text.Length == 0)
            return (0, string.Empty);
        int status = int.Parse(text.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
    }

    private static bool Complete(List<byte> received)
    {
        string text = Encoding.ASCII.GetString(received.ToArray());
        int end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
            return false;
        var length = text[..end].Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        return length is null || text.Length - end - 4 >= int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
