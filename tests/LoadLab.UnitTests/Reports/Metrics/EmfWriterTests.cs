using System.Text.Json;
using LoadLab.Core.Results;
using LoadLab.Reports.Metrics;
using LoadLab.Reports.Samples;

namespace LoadLab.UnitTests.Reports.Metrics;

/// <summary>metrics.emf.jsonl from a synthetic run, checked line by line against the CloudWatch EMF specification.</summary>
public sealed class EmfWriterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-emf-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Two seconds of get and put in one scenario; get's second 1 had a throttle, put's second 1 nothing ok.</summary>
    private static RunResult Synthetic()
    {
        var sample = SampleRun.Create();
        OperationResult Operation(string name, params OperationInterval[] series) => sample.Scenarios[0].Operations[0] with { Name = name, Series = series };
        var get = Operation("get",
            new OperationInterval(0, 1, 100, 100, 0, 0, 2.0, 9.0, 12.0, 1.5, 8.0) { OkP50Ms = 2.0, OkP99Ms = 9.0, ReadUnits = 50, WriteUnits = 0 },
            new OperationInterval(1, 1, 100, 98, 1, 1, 2.5, 30.0, 40.0, 2.0, 20.0) { OkP50Ms = 2.4, OkP99Ms = 11.0, ReadUnits = 49.5, WriteUnits = 0 });
        var put = Operation("put",
            new OperationInterval(0, 1, 20, 20, 0, 0, 3.0, 14.0, 15.0, 2.0, 12.0) { OkP50Ms = 3.0, OkP99Ms = 14.0, ReadUnits = 0, WriteUnits = 20 },
            new OperationInterval(1, 1, 2, 0, 2, 0, 50.0, 80.0, 80.0, 40.0, 70.0) { ReadUnits = 0, WriteUnits = 0 });
        return sample with
        {
            Run = sample.Run with { Suite = "orders", Environment = "staging", StartedAt = Start, RunId = "run-1", Variant = null },
            Scenarios = [sample.Scenarios[0] with { Name = "checkout", Operations = [get, put] }],
        };
    }

    [Fact]
    public async Task Every_line_is_an_emf_document_with_its_metrics_as_members()
    {
        string path = await EmfWriter.WriteAsync(Synthetic(), folder);

        Assert.Equal(Path.Combine(folder, "metrics.emf.jsonl"), path);
        string text = await File.ReadAllTextAsync(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        string[] lines = text.TrimEnd('\n').Split('\n');
        // One document per second per scenario and operation, in time order.
        Assert.Equal(4, lines.Length);
        var expected = new (long Timestamp, string Operation)[]
        {
            (Start.ToUnixTimeMilliseconds(), "get"), (Start.ToUnixTimeMilliseconds(), "put"),
            (Start.AddSeconds(1).ToUnixTimeMilliseconds(), "get"), (Start.AddSeconds(1).ToUnixTimeMilliseconds(), "put"),
        };
        for (int i = 0; i < lines.Length; i++)
        {
            using var document = JsonDocument.Parse(lines[i]);
            var root = document.RootElement;
            CheckSpecification(root);
            var aws = root.GetProperty("_aws");
            Assert.Equal(expected[i].Timestamp, aws.GetProperty("Timestamp").GetInt64());
            Assert.Equal("orders", root.GetProperty("suite").GetString());
            Assert.Equal("checkout", root.GetProperty("scenario").GetString());
            Assert.Equal(expected[i].Operation, root.GetProperty("operation").GetString());
            Assert.Equal("staging", root.GetProperty("environment").GetString());
        }

        using var getSecond = JsonDocument.Parse(lines[2]);
        var g = getSecond.RootElement;
        Assert.Equal((100, 98, 1, 1), (g.GetProperty("operations").GetInt64(), g.GetProperty("ok").GetInt64(), g.GetProperty("throttled").GetInt64(), g.GetProperty("errors").GetInt64()));
        // p50/p99 of the successful operations, not of all outcomes (30 ms was the throttled one's wait).
        Assert.Equal((2.4, 11.0), (g.GetProperty("okP50").GetDouble(), g.GetProperty("okP99").GetDouble()));
        Assert.Equal((49.5, 0.0), (g.GetProperty("consumedReadUnits").GetDouble(), g.GetProperty("consumedWriteUnits").GetDouble()));

        // A second with no ok operation has no successful latency to report: the metric is left out, not zero.
        using var putSecond = JsonDocument.Parse(lines[3]);
        var p = putSecond.RootElement;
        Assert.False(p.TryGetProperty("okP50", out _));
        Assert.DoesNotContain(Directive(p).GetProperty("Metrics").EnumerateArray(), m => m.GetProperty("Name").GetString() == "okP99");
        Assert.Equal(2, p.GetProperty("throttled").GetInt64());
    }

    [Fact]
    public void Metrics_and_units_are_the_documented_ones()
    {
        Assert.Equal(["suite", "scenario", "operation", "environment"], EmfDocuments.Dimensions);
        Assert.Equal(
            ["operations:Count", "ok:Count", "throttled:Count", "errors:Count", "okP50:Milliseconds", "okP99:Milliseconds", "consumedReadUnits:Count", "consumedWriteUnits:Count"],
            EmfDocuments.Metrics.Select(m => m.Name + ":" + m.Unit));
    }

    [Fact]
    public void Results_without_ok_percentiles_use_the_all_outcome_ones_only_when_every_operation_was_ok()
    {
        var run = Synthetic().Run;
        var allOk = EmfDocuments.Document(run, "s", "get", new OperationInterval(0, 1, 10, 10, 0, 0, 2, 9, 9, 1, 8));
        var someThrottled = EmfDocuments.Document(run, "s", "get", new OperationInterval(0, 1, 10, 9, 1, 0, 2, 9, 9, 1, 8));

        Assert.Equal(9.0, allOk["okP99"]!.GetValue<double>());
        Assert.Null(someThrottled["okP99"]);
        Assert.Null(someThrottled["consumedReadUnits"]);
    }

    private static JsonElement Directive(JsonElement root) => Assert.Single(root.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray());

    /// <summary>The specification's rules for one document.</summary>
    private static void CheckSpecification(JsonElement root)
    {
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var aws = root.GetProperty("_aws");
        // Timestamp: a number, milliseconds since the epoch (a seconds value would be in 1970).
        Assert.Equal(JsonValueKind.Number, aws.GetProperty("Timestamp").ValueKind);
        Assert.True(aws.GetProperty("Timestamp").GetInt64() > 1_000_000_000_000);
        var directive = Directive(root);
        Assert.Equal(["Namespace", "Dimensions", "Metrics"], directive.EnumerateObject().Select(p => p.Name));
        Assert.Equal("LoadLab", directive.GetProperty("Namespace").GetString());
        // Dimensions: an array of dimension sets, each an array of member names (at most 30), every one a string member.
        var set = Assert.Single(directive.GetProperty("Dimensions").EnumerateArray());
        var dimensions = set.EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.InRange(dimensions.Count, 1, 30);
        foreach (string dimension in dimensions)
            Assert.Equal(JsonValueKind.String, root.GetProperty(dimension).ValueKind);
        // Metrics: at most 100, each Name (a number member of the root) and a CloudWatch Unit, no other members.
        var metrics = directive.GetProperty("Metrics").EnumerateArray().ToList();
        Assert.InRange(metrics.Count, 1, 100);
        string[] units = ["Count", "Milliseconds"];
        foreach (var metric in metrics)
        {
            Assert.Equal(["Name", "Unit"], metric.EnumerateObject().Select(p => p.Name));
            Assert.Contains(metric.GetProperty("Unit").GetString(), units);
            Assert.Equal(JsonValueKind.Number, root.GetProperty(metric.GetProperty("Name").GetString()!).ValueKind);
        }
    }
}
