using System.Text.RegularExpressions;
using LoadLab.Cli;
using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Support;
using static LoadLab.IntegrationTests.Support.CliRunner;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Json;
using LoadLab.Reports.Text;
using LoadLab.Reports.Variants;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// Suites with variants through `loadlab run` in-process, against the embedded local target
/// (dynalite behind the capacity simulator, started per variant), through the real SDK.
/// </summary>
[Collection("local-target")]
public sealed partial class VariantRunTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("loadlab-variants-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public async Task Two_variants_run_on_their_own_tables_into_sub_reports_and_a_comparison_built_from_them()
    {
        string suite = Path.Combine(output, "tiny.yaml");
        await File.WriteAllTextAsync(suite, """
            name: tiny-variants
            tables:
              items: { name: Tiny, key: { pk: S }, capacity: { mode: provisioned, read: 20, write: 20 } }
            data:
              items: { model: customer, items: 50 }
            scenarios:
              - { name: browse, table: items, mix: { get: 3, put: 1 }, load: [ { rate: 20, for: 10s } ] }
            variants:
              - name: provisioned
              - { name: on-demand, capacity: { mode: on-demand } }
            """);
        string reports = Path.Combine(output, "reports");

        var (exit, text) = await RunAsync("run", suite, "--duration-scale", "0.3", "--out", reports, "--plain");

        Assert.True(exit == 0, text);
        var results = new[] { "provisioned", "on-demand" }.Select(v => ResultsJson.Read(Path.Combine(reports, v, ResultsJson.FileName))).ToArray();
        foreach (var v in new[] { "provisioned", "on-demand" })
        {
            foreach (var file in new[] { "summary.md", "report.html", "junit.xml" })
                Assert.True(File.Exists(Path.Combine(reports, v, file)), $"{v}/{file} missing");
        }

        Assert.Equal(["provisioned", "on-demand"], results.Select(r => r.Run.Variant));
        Assert.Equal(["local_Tiny-provisioned", "local_Tiny-on-demand"], results.Select(r => r.Scenarios[0].Table));
        Assert.All(results, r => Assert.True(r.Scenarios[0].Operations.Sum(o => o.Count("ok")) > 20, "too few operations"));
        Assert.Equal(["provisioned", "on-demand"], results.Select(r => r.Cost!.Tables.Single().Mode));
        Assert.Equal(["on-demand", "provisioned"], results.Select(r => r.Cost!.Tables.Single().OtherMode.Mode));
        Assert.All(results, r => Assert.Equal("simulator", r.Cost!.Tables.Single().Source));
        Assert.Contains("Estimated cost", await File.ReadAllTextAsync(Path.Combine(reports, "on-demand", "summary.md")), StringComparison.Ordinal);

        // The comparison is exactly what the two results.json files give; 40-odd gets per second for 3 s cannot show a clear p99 difference.
        var comparison = VariantComparison.Build([new VariantRun("provisioned", results[0]), new VariantRun("on-demand", results[1])]);
        string markdown = await File.ReadAllTextAsync(Path.Combine(reports, ComparisonWriter.MarkdownFile));
        foreach (var row in comparison.Judgement.Rows.Where(r => r.Group == "browse/get"))
            Assert.Contains($"| {row.Metric} | {ComparisonText.Cell(row, 0)} | {ComparisonText.Cell(row, 1)} |", markdown, StringComparison.Ordinal);
        Assert.Null(comparison.Judgement.Row("browse/get", "p99 (ok)")!.Better);
        Assert.Contains(comparison.Judgement.Verdict.Reason, markdown, StringComparison.Ordinal);
        string html = await File.ReadAllTextAsync(Path.Combine(reports, ComparisonWriter.HtmlFile));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Comparison:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_design_compare_names_sharded_best_because_the_tenant_key_fails_more()
    {
        string reports = Path.Combine(output, "key-design");

        var (exit, text) = await RunAsync("run", RepositoryPaths.Scenario("key-design-compare.yaml"), "--duration-scale", "0.3", "--out", reports, "--plain");

        Assert.True(exit == 0, text);
        var byTenant = Put(ResultsJson.Read(Path.Combine(reports, "by-tenant", ResultsJson.FileName)));
        var sharded = Put(ResultsJson.Read(Path.Combine(reports, "sharded", ResultsJson.FileName)));
        Assert.True(byTenant.ThrottleReasons.GetValueOrDefault("TableWriteKeyRangeThroughputExceeded") > 0, text);
        Assert.True(sharded.Count("throttled") < byTenant.Count("throttled"));

        // The headline verdict, the same in comparison.json and comparison.md: failures decide, so sharded wins.
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(reports, ComparisonJson.FileName)))!;
        Assert.Equal("sharded", json["verdict"]!["best"]!.GetValue<string>());
        string reason = json["verdict"]!["reason"]!.GetValue<string>();
        Assert.Contains("fails least", reason, StringComparison.Ordinal);
        Assert.Contains(reason, await File.ReadAllTextAsync(Path.Combine(reports, ComparisonWriter.MarkdownFile)), StringComparison.Ordinal);
        // by-tenant's fast failures never earn it a latency or cost mark.
        var rows = json["rows"]!.AsArray();
        Assert.DoesNotContain(rows, r => r!["better"]?.GetValue<string>() == "by-tenant");
    }

    [Fact]
    public async Task Capacity_compare_provisioned_shows_no_throttles_or_hot_keys_when_no_measured_operation_throttled()
    {
        string reports = Path.Combine(output, "capacity");

        var (exit, text) = await RunAsync("run", RepositoryPaths.Scenario("capacity-compare.yaml"), "--duration-scale", "0.2", "--out", reports, "--plain");

        Assert.True(exit == 0, text);
        string folder = Path.Combine(reports, "provisioned");
        var result = ResultsJson.Read(Path.Combine(folder, ResultsJson.FileName));
        var operations = result.Scenarios.SelectMany(s => s.Operations).ToList();
        Assert.All(operations, o => Assert.Equal(0, o.ThrottleEvents));
        // The simulator's figures cover the measured window only: whatever seeding met stays in its own section.
        var table = Assert.Single(result.Simulator!.Resources);
        Assert.Equal(0, table.ThrottledRequests);
        Assert.Empty(table.ThrottleEventsByReason);
        Assert.Empty(table.TopThrottledKeys);
        Assert.Contains(result.Simulator.Seeding, p => p.Phase == "seeding" && p.ConsumedWriteUnits > 0);
        string html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
        Assert.DoesNotContain("chart-hot-keys", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-partition-heat", html, StringComparison.Ordinal);
        Assert.Contains("The capacity simulator refused nothing in the measured window.", html, StringComparison.Ordinal);
        Assert.Contains("No operation ended throttled.", await File.ReadAllTextAsync(Path.Combine(folder, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_heavy_shows_its_batch_throttles_in_the_html()
    {
        string reports = Path.Combine(output, "write-heavy");

        // A new on-demand table starting at 1,000 WCU/s: the batch writers (25 WCU a call) meet its ceiling within seconds.
        var (exit, text) = await RunAsync("run", RepositoryPaths.Scenario("write-heavy.yaml"), "--duration-scale", "0.1",
            "--simulator", "onDemandNewTableWriteUnitsPerSecond=1000", "--out", reports, "--plain");

        Assert.True(exit == 0, text);
        var result = ResultsJson.Read(Path.Combine(reports, ResultsJson.FileName));
        var batch = result.Scenarios.Single(s => s.Name == "bulk-load").Operations.Single();
        Assert.True(batch.ThrottleEvents > 0, text);
        string html = await File.ReadAllTextAsync(Path.Combine(reports, "report.html"));
        // The batchWrite row shows its throttle events (the sixth column), and the scenario has its own throttle chart.
        var row = System.Text.RegularExpressions.Regex.Match(html, "batchWrite</td>(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(row.Success, "no batchWrite row in report.html");
        var cells = System.Text.RegularExpressions.Regex.Matches(row.Groups[1].Value, "<td[^>]*>([^<]*)</td>").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(ReportNumbers.Count(batch.ThrottleEvents), cells[4]);
        Assert.Contains("id=\"chart-throttles-bulk-load\"", html, StringComparison.Ordinal);
        Assert.Contains($"batchWrite {ReportNumbers.Count(batch.ThrottleEvents)}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hot_key_throttles_the_hot_key_with_key_range_reasons_and_not_the_uniform_baseline()
    {
        string reports = Path.Combine(output, "hot-key");

        var (exit, text) = await RunAsync("run", RepositoryPaths.Scenario("hot-key.yaml"), "--duration-scale", "0.25", "--out", reports, "--plain");

        Assert.True(exit == 0, text);
        var result = ResultsJson.Read(Path.Combine(reports, ResultsJson.FileName));
        var hot = result.Scenarios.Single(s => s.Name == "hot-key").Operations.Single();
        var uniform = result.Scenarios.Single(s => s.Name == "uniform").Operations.Single();
        Assert.True(hot.ThrottleReasons.GetValueOrDefault("TableWriteKeyRangeThroughputExceeded") > 0, text);
        Assert.True(uniform.ThrottledAttempts * 5 < hot.ThrottledAttempts, $"uniform {uniform.ThrottledAttempts} throttled attempts against {hot.ThrottledAttempts}");
        // The simulator names the hot key among the most throttled of the hot table.
        var hotTable = result.Simulator!.Resources.Single(r => r.Table == "local_HotKey" && r.Index is null);
        Assert.NotEmpty(hotTable.TopThrottledKeys);
    }

    [Fact]
    public async Task Stopping_during_a_variant_writes_what_ran_compares_it_and_exits_130()
    {
        string suite = Path.Combine(output, "stop.yaml");
        await File.WriteAllTextAsync(suite, """
            name: stop-variants
            tables:
              items: { name: Stop, key: { pk: S } }
            data:
              items: { model: customer, items: 20 }
            scenarios:
              - { name: browse, table: items, mix: { get: 1 }, load: [ { rate: 10, for: 60s } ] }
            variants:
              - name: first
              - { name: second, capacity: { mode: provisioned, read: 5, write: 5 } }
            """);
        string reports = Path.Combine(output, "stopped");
        var console = new TestConsole();
        using var stop = new CancellationTokenSource();
        var run = LoadLabApp.RunAsync(["run", suite, "--out", reports, "--plain"], console.Console, stop.Token);
        // Stop once the first variant's load is under way: at its first progress line (one second of load closed).
        // The timeout only guards against a run that never gets there.
        var loadRunning = console.WaitForLineAsync(ProgressLine.IsMatch, TimeSpan.FromMinutes(3));
        await Task.WhenAny(loadRunning, run);
        Assert.False(run.IsCompleted, "the run ended before its load started:\n" + console.Output);
        await loadRunning;
        await stop.CancelAsync();

        int exit = await run.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exit == 130, console.Output);
        var first = ResultsJson.Read(Path.Combine(reports, "first", ResultsJson.FileName));
        Assert.True(first.Run.Interrupted);
        Assert.False(Directory.Exists(Path.Combine(reports, "second")), "the second variant should not have started");
        string markdown = await File.ReadAllTextAsync(Path.Combine(reports, ComparisonWriter.MarkdownFile));
        Assert.Contains("| first |", markdown, StringComparison.Ordinal);
        Assert.Contains("interrupted", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("| second |", markdown, StringComparison.Ordinal);
    }

    /// <summary>A plain progress line, e.g. "[     1s/60s] browse: rate 10/s for 60s | …".</summary>
    [GeneratedRegex(@"^\[\s*\d+s/\d+s\] ")]
    private static partial Regex ProgressLineRegex();

    private static readonly Regex ProgressLine = ProgressLineRegex();

    private static OperationResult Put(RunResult result) => result.Scenarios.Single().Operations.Single(o => o.Name == "put");
}
