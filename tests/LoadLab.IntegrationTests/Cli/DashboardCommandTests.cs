using System.Text.Json;
using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Cli;

/// <summary><c>loadlab dashboard</c>: the body's shape (widgets, metrics arrays, region, physical names), with no AWS call.</summary>
public sealed class DashboardCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-dashboard-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Suite()
    {
        File.WriteAllText(Path.Combine(folder, "environments.yaml"), """
            staging:
              prefix: stg_
              region: ssm:/loadlab/staging/region
            dev:
              region: eu-central-1
            """);
        string path = Path.Combine(folder, "orders.yaml");
        File.WriteAllText(path, """
            name: orders
            tables:
              orders:
                name: Orders
                key: { pk: S, sk: S }
                capacity: { mode: provisioned, read: 100, write: 50 }
                indexes:
                  byTier: { pk: tier, capacity: { read: 20, write: 50 } }
            data:
              orders: { model: customer, items: 100 }
            scenarios:
              - name: browse
                table: orders
                mix: { get: 70, put: 10, query: { weight: 10, sk: { beginsWith: P } }, scan: { weight: 10, limit: 10 } }
                load:
                  - { rate: 10, for: 10s }
            """);
        return path;
    }

    [Fact]
    public async Task Body_has_every_table_and_index_with_physical_names_and_the_region()
    {
        string suite = Suite();
        string body = Path.Combine(folder, "body.json");

        var (exit, output) = await CliRunner.RunWithoutStackTraceAsync("dashboard", suite, "--env", "staging", "--region", "eu-west-1", "--out", body);

        Assert.True(exit == 0, output);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(body));
        var widgets = document.RootElement.GetProperty("widgets").EnumerateArray().ToList();
        var metricWidgets = widgets.Where(w => w.GetProperty("type").GetString() == "metric").ToList();
        Assert.Equal("text", widgets[0].GetProperty("type").GetString());
        Assert.NotEmpty(metricWidgets);
        foreach (var widget in widgets)
        {
            foreach (string member in new[] { "x", "y", "width", "height" })
                Assert.Equal(JsonValueKind.Number, widget.GetProperty(member).ValueKind);
            Assert.InRange(widget.GetProperty("x").GetInt32() + widget.GetProperty("width").GetInt32(), 1, 24);
        }

        foreach (var widget in metricWidgets)
        {
            var properties = widget.GetProperty("properties");
            Assert.Equal("eu-west-1", properties.GetProperty("region").GetString());
            Assert.Equal(60, properties.GetProperty("period").GetInt32());
            foreach (var row in properties.GetProperty("metrics").EnumerateArray())
                CheckMetricRow(row);
        }

        var rows = metricWidgets.SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .Where(r => r[0].ValueKind == JsonValueKind.String)
            .Select(r => r.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList())
            .ToList();
        bool Has(params string[] parts) => rows.Any(r => r.Take(parts.Length).SequenceEqual(parts));

        // The environment's physical names, table and global index, consumed against provisioned.
        Assert.True(Has("AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", "stg_Orders"));
        Assert.True(Has("AWS/DynamoDB", "ProvisionedWriteCapacityUnits", "TableName", "stg_Orders"));
        Assert.True(Has("AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", "stg_Orders", "GlobalSecondaryIndexName", "byTier"));
        Assert.True(Has("AWS/DynamoDB", "ReadKeyRangeThroughputThrottleEvents", "TableName", "stg_Orders", "GlobalSecondaryIndexName", "byTier"));
        // Throttling: requests per operation the suite sends, events by reason.
        Assert.True(Has("AWS/DynamoDB", "ThrottledRequests", "TableName", "stg_Orders", "Operation", "PutItem"));
        Assert.True(Has("AWS/DynamoDB", "WriteProvisionedThroughputThrottleEvents", "TableName", "stg_Orders"));
        // Latency by operation, and the items Query and Scan return.
        foreach (string operation in new[] { "GetItem", "PutItem", "Query", "Scan" })
            Assert.True(Has("AWS/DynamoDB", "SuccessfulRequestLatency", "TableName", "stg_Orders", "Operation", operation), operation);
        Assert.True(Has("AWS/DynamoDB", "ReturnedItemCount", "TableName", "stg_Orders", "Operation", "Query"));
        Assert.True(Has("AWS/DynamoDB", "ReturnedItemCount", "TableName", "stg_Orders", "Operation", "Scan"));
        // LoadLab's own EMF metrics beside them, with the dimensions metrics.emf.jsonl carries.
        Assert.True(Has("LoadLab", "okP99", "suite", "orders", "scenario", "browse", "operation", "get", "environment", "staging"));
        Assert.True(Has("LoadLab", "throttled", "suite", "orders", "scenario", "browse", "operation", "scan", "environment", "staging"));
        Assert.DoesNotContain(rows, r => r.Contains("Orders") || r.Contains("local_Orders"));
    }

    [Fact]
    public async Task An_ssm_region_is_not_read_and_needs_region()
    {
        var (exit, output) = await CliRunner.RunWithoutStackTraceAsync("dashboard", Suite(), "--env", "staging", "--out", Path.Combine(folder, "x.json"));

        Assert.Equal(2, exit);
        Assert.Contains("ssm:/loadlab/staging/region", output, StringComparison.Ordinal);
        Assert.Contains("--region", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "x.json")));
    }

    [Fact]
    public async Task A_written_out_region_is_used()
    {
        string body = Path.Combine(folder, "dev.json");

        var (exit, output) = await CliRunner.RunWithoutStackTraceAsync("dashboard", Suite(), "--env", "dev", "--out", body);

        Assert.True(exit == 0, output);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(body));
        var regions = document.RootElement.GetProperty("widgets").EnumerateArray()
            .Where(w => w.GetProperty("type").GetString() == "metric")
            .Select(w => w.GetProperty("properties").GetProperty("region").GetString()).Distinct();
        Assert.Equal(["eu-central-1"], regions);
        Assert.Contains("dev_Orders", await File.ReadAllTextAsync(body), StringComparison.Ordinal);
    }

    /// <summary>A row of a widget's metrics array: [namespace, name, dimension name/value pairs…, options?] or [{ expression }].</summary>
    private static void CheckMetricRow(JsonElement row)
    {
        var items = row.EnumerateArray().ToList();
        if (items[0].ValueKind == JsonValueKind.Object)
        {
            Assert.Single(items);
            Assert.True(items[0].TryGetProperty("expression", out _));
            Assert.True(items[0].TryGetProperty("id", out _));
            return;
        }

        var strings = items.TakeWhile(i => i.ValueKind == JsonValueKind.String).ToList();
        Assert.True(strings.Count >= 2 && strings.Count % 2 == 0, row.ToString());
        Assert.True(items.Count - strings.Count <= 1 && items.Skip(strings.Count).All(i => i.ValueKind == JsonValueKind.Object), row.ToString());
    }
}
