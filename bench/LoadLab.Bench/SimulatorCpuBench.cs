using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LoadLab.Capacity.Model;
using LoadLab.Capacity.Proxy;
using LoadLab.DynamoDb.Client;

namespace LoadLab.Bench;

/// <summary>
/// The simulator's own CPU and allocation per request, without I/O: the SDK client sends GetItem (80 %) and
/// PutItem (20 %) on one thread, once straight to a canned in-memory emulator and once through the in-process
/// simulator in front of the same canned emulator. Nothing waits on a socket or on dynalite, so the difference
/// is the simulator's code alone (parse, price, admit, settle, splice ConsumedCapacity, checksum, headers),
/// steady from run to run where the end-to-end `simulator` benchmark swings with the machine.
/// </summary>
internal static class SimulatorCpuBench
{
    private const string Table = "CpuBench";
    private const int Keys = 1_000;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        int operations = o.Rounds > 0 ? 50_000 * o.Rounds : 200_000;
        using var canned = new CannedDynamo();
        var model = new CapacityModel(new CapacitySettings(), TimeProvider.System);
        await using var proxy = await CapacityProxy.StartAsync(
            new CapacityProxyOptions { Upstream = new Uri("http://127.0.0.1:1/"), UpstreamHandler = new CannedDynamo() }, model, CancellationToken.None);
        using var direct = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = new Uri("http://127.0.0.1:1/"), UseLocalCredentials = true, InProcessHandler = canned });
        using var simulated = DynamoDbClientFactory.Create(new DynamoDbTargetOptions { Endpoint = proxy.Endpoint, UseLocalCredentials = true, InProcessHandler = proxy.CreateInProcessHandler() });
        await simulated.CreateTableAsync(new CreateTableRequest
        {
            TableName = Table,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });

        Console.WriteLine("| path | µs CPU per request | bytes allocated per request |");
        Console.WriteLine("|---|---|---|");
        var rows = new List<(string Path, double Cpu, double Bytes)>();
        // Warm-up (JIT, tiering) for both, then 3 alternating rounds; the medians are reported.
        await LoopAsync(direct, operations / 4);
        await LoopAsync(simulated, operations / 4);
        var samples = new Dictionary<string, List<(double Cpu, double Bytes)>> { ["direct"] = [], ["simulated"] = [] };
        for (int round = 0; round < 3; round++)
        {
            samples["direct"].Add(await LoopAsync(direct, operations));
            samples["simulated"].Add(await LoopAsync(simulated, operations));
        }

        foreach (var (path, list) in samples)
        {
            double cpu = BenchMath.Median(list.Select(s => s.Cpu)), bytes = BenchMath.Median(list.Select(s => s.Bytes));
            rows.Add((path, cpu, bytes));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(path == "direct" ? "SDK to a canned emulator" : "SDK through the in-process simulator to it")} | {cpu:0.0} | {bytes:N0} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"The simulator's own cost per request: **{rows[1].Cpu - rows[0].Cpu:0.0} µs CPU**, **{rows[1].Bytes - rows[0].Bytes:N0} bytes** allocated ({operations:N0} requests per round, one thread, medians of 3). Throttled: {model.Snapshot().Resources.Sum(r => r.ThrottledRequests)}."));
        return 0;
    }

    private static async Task<(double CpuUs, double Bytes)> LoopAsync(IAmazonDynamoDB client, int operations)
    {
        var random = new Random(7);
        var item = new Dictionary<string, AttributeValue> { ["pk"] = new("k"), ["name"] = new("Jane Example"), ["city"] = new("Lisbon"), ["balance"] = new() { N = "1234.5" } };
        long allocated = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (int i = 0; i < operations; i++)
        {
            string key = "customer#" + random.Next(Keys).ToString(CultureInfo.InvariantCulture);
            if (random.Next(100) < 80)
            {
                await client.GetItemAsync(new GetItemRequest { TableName = Table, Key = new() { ["pk"] = new(key) }, ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES });
            }
            else
            {
                item["pk"] = new(key);
                await client.PutItemAsync(new PutItemRequest { TableName = Table, Item = item, ReturnConsumedCapacity = ReturnConsumedCapacity.INDEXES });
            }
        }

        double cpuUs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / operations;
        return (cpuUs, (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)operations);
    }

    /// <summary>Answers like dynalite from memory: a fixed item for every GetItem, success for the rest.</summary>
    private sealed class CannedDynamo : HttpMessageHandler
    {
        private static readonly byte[] GetItem = Encoding.UTF8.GetBytes(
            """{"Item":{"pk":{"S":"customer#1"},"name":{"S":"Jane Example"},"city":{"S":"Lisbon"},"balance":{"N":"1234.5"}},"ConsumedCapacity":{"TableName":"CpuBench","CapacityUnits":0.5}}""");

        private static readonly byte[] PutItem = Encoding.UTF8.GetBytes("""{"ConsumedCapacity":{"TableName":"CpuBench","CapacityUnits":1}}""");

        private static readonly byte[] CreateTable = Encoding.UTF8.GetBytes(
            """{"TableDescription":{"TableName":"CpuBench","TableStatus":"ACTIVE","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingModeSummary":{"BillingMode":"PAY_PER_REQUEST"},"ProvisionedThroughput":{"ReadCapacityUnits":0,"WriteCapacityUnits":0},"ItemCount":0,"TableSizeBytes":0,"TableArn":"arn:aws:dynamodb:us-east-1:000000000000:table/CpuBench","CreationDateTime":1764547200}}""");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            string target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : string.Empty;
            byte[] body = target.EndsWith(".GetItem", StringComparison.Ordinal) ? GetItem
                : target.EndsWith(".CreateTable", StringComparison.Ordinal) || target.EndsWith(".DescribeTable", StringComparison.Ordinal) ? CreateTable
                : PutItem;
            var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
            response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "canned");
            return Task.FromResult(response);
        }
    }
}
