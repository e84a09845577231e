using LoadLab.Core.Recording;
using LoadLab.Core.Results;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// <c>loadlab compare</c> and <c>loadlab report</c> in-process on results files written to disk, and
/// budgets on real runs against the local target.
/// </summary>
[Collection("local-target")]
public sealed class CompareAndReportTests(LocalTargetFixture target) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-compare-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static Task<(int Exit, string Output)> RunAsync(params string[] args) => CliRunner.RunWithoutStackTraceAsync(args);

    /// <summary>Writes a one-operation results file whose gets all took <paramref name="getMicros"/>; returns its path.</summary>
    private async Task<string> ResultsFileAsync(string name, long getMicros)
    {
        string directory = Path.Combine(folder, name);
        await ResultsJson.WriteAsync(Synthetic(getMicros), directory);
        return Path.Combine(directory, ResultsJson.FileName);
    }

    private string File(string name, string text)
    {
        string path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Compare_of_equal_runs_exits_0_and_prints_the_rows()
    {
        string a = await ResultsFileAsync("a", 1000);
        string b = await ResultsFileAsync("b", 1050);

        var (exit, output) = await RunAsync("compare", a, b, "--tolerance", "10%", "--metric", "p50,p99,p99.9");

        Assert.True(exit == 0, output);
        Assert.Contains("browse/get", output);
        Assert.Contains("p99.9 ok (ms)", output);
        Assert.Contains("goodput (ops/s)", output);
        Assert.Contains("throttleRate (%)", output);
        Assert.Contains("+5%", output);
        Assert.Contains("same (within the noise or 10%)", output);
        Assert.Contains("No regression", output);
        Assert.Contains("Verdict: no clear winner", output);
    }

    [Fact]
    public async Task Compare_with_a_regression_beyond_the_tolerance_exits_1()
    {
        string a = await ResultsFileAsync("a", 1000);
        string b = await ResultsFileAsync("b", 1500);

        var (exit, output) = await RunAsync("compare", a, b);

        Assert.True(exit == 1, output);
        Assert.Contains("REGRESSION", output);
        Assert.Contains("+50%", output);
        Assert.Contains("beyond the 10% tolerance", output);
        Assert.Contains("Verdict: A is better", output);
    }

    [Fact]
    public async Task Baselines_are_saved_and_compared_against()
    {
        string baselines = Path.Combine(folder, "baselines");
        string a = await ResultsFileAsync("a", 1000);
        string b = await ResultsFileAsync("b", 2000);

        var (saved, savedOutput) = await RunAsync("compare", "--save-baseline", "main", a, "--baseline-dir", baselines);
        var (compared, comparedOutput) = await RunAsync("compare", "--baseline", "main", b, "--baseline-dir", baselines);
        var (missing, missingOutput) = await RunAsync("compare", "--baseline", "nope", b, "--baseline-dir", baselines);

        Assert.True(saved == 0, savedOutput);
        Assert.True(System.IO.File.Exists(Path.Combine(baselines, "main.json")));
        Assert.True(compared == 1, comparedOutput);
        Assert.Contains("REGRESSION", comparedOutput);
        Assert.Equal(2, missing);
        Assert.Contains("no baseline 'nope'", missingOutput);
        Assert.Contains("--save-baseline nope", missingOutput);
    }

    public static TheoryData<string, string?, string> BadFiles => new()
    {
        { "missing.json", null, "no such file" },
        { "truncated.json", "{ \"schemaVersion\": 1, \"run\": { \"runId\": \"x\"", "not valid JSON" },
        { "foreign.json", "{ \"name\": \"some other tool\", \"values\": [1, 2, 3] }", "not a LoadLab results file" },
        { "future.json", "{ \"schemaVersion\": 99, \"run\": {} }", "schema version 99" },
        { "hollow.json", "{ \"schemaVersion\": 1 }", "does not match the results schema" },
        { "nulls.json", "{ \"schemaVersion\": 1, \"run\": null, \"scenarios\": null }", "does not match the results schema" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Compare_names_an_unusable_file_and_exits_2(string name, string? content, string reason)
    {
        string good = await ResultsFileAsync("good", 1000);
        string bad = content is null ? Path.Combine(folder, name) : File(name, content);

        var (exit, output) = await RunAsync("compare", good, bad);

        Assert.True(exit == 2, output);
        Assert.Contains(name, output);
        Assert.Contains(reason, output);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Report_names_an_unusable_file_and_exits_2(string name, string? content, string reason)
    {
        string bad = content is null ? Path.Combine(folder, name) : File(name, content);

        var (exit, output) = await RunAsync("report", bad, "--out", Path.Combine(folder, "out"));

        Assert.True(exit == 2, output);
        Assert.Contains(name, output);
        Assert.Contains(reason, output);
    }

    [Fact]
    public async Task Report_rebuilds_every_output_into_a_folder()
    {
        string results = await ResultsFileAsync("run", 1000);
        string outDirectory = Path.Combine(folder, "rebuilt");

        var (exit, output) = await RunAsync("report", results, "--out", outDirectory);

        Assert.True(exit == 0, output);
        var rebuilt = ResultsJson.Read(Path.Combine(outDirectory, ResultsJson.FileName));
        Assert.Equal("synthetic", rebuilt.Run.Suite);
        Assert.Equal(Synthetic(1000).Scenarios[0].Operations[0].LatencyHistogram, rebuilt.Scenarios[0].Operations[0].LatencyHistogram);
        // Every file the report lists exists (the exporter set grows; results.json is always first).
        var listed = output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith(outDirectory, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, path => Assert.True(System.IO.File.Exists(path), path));
    }

    [Fact]
    public async Task Report_writes_next_to_the_results_file_by_default()
    {
        string results = await ResultsFileAsync("here", 1000);
        System.IO.File.Move(results, Path.Combine(folder, "here", "kept.json"));

        var (exit, output) = await RunAsync("report", Path.Combine(folder, "here", "kept.json"));

        Assert.True(exit == 0, output);
        Assert.True(System.IO.File.Exists(Path.Combine(folder, "here", ResultsJson.FileName)));
    }

    [Fact]
    public async Task A_run_with_an_impossible_budget_exits_1_and_lists_it_as_failed()
    {
        string suite = Suite("budget-check", "{ rate: 100, for: 20s }", """
              - { scenario: browse, op: get, p99: 0.001ms }
              - { scenario: browse, errors: "< 50%" }
            """);
        string outDirectory = Path.Combine(folder, "run");

        var (exit, output) = await RunAsync("run", suite, "--duration-scale", "0.05", "--endpoint", target.Endpoint.ToString(), "--out", outDirectory, "--plain");

        Assert.True(exit == 1, output);
        Assert.Contains("Budgets: 1 of 2 FAILED", output);
        Assert.Contains("browse/get p99 <= 0.001 ms", output);
        Assert.Contains("FAIL", output);
        var result = ResultsJson.Read(Path.Combine(outDirectory, ResultsJson.FileName));
        Assert.False(result.Run.Interrupted);
        Assert.Equal(2, result.Budgets.Count);
        Assert.False(result.Budgets[0].Passed);
        Assert.True(result.Budgets[0].Measured > 0.001);
        Assert.True(result.Budgets[1].Passed, result.Budgets[1].ToString());
    }

    [Fact]
    public async Task A_budget_with_abortAfter_stops_the_run_early_with_exit_1()
    {
        string suite = Suite("budget-abort", "{ rate: 50, for: 60s }", """
              - { scenario: browse, p99: 0.001ms, abortAfter: 0s }
            """);
        string outDirectory = Path.Combine(folder, "abort");

        // 12 s planned; the budget breaks in the first measured second and the grace is 0.
        var (exit, output) = await RunAsync("run", suite, "--duration-scale", "0.2", "--endpoint", target.Endpoint.ToString(), "--out", outDirectory, "--plain");

        Assert.True(exit == 1, output);
        Assert.Contains("Stopped the run at", output);
        var result = ResultsJson.Read(Path.Combine(outDirectory, ResultsJson.FileName));
        Assert.False(result.Run.Interrupted);
        Assert.True(result.Scenarios[0].DurationSeconds < 8, $"ran {result.Scenarios[0].DurationSeconds} s");
        // The suite's budget, then failOn's default error rate (the suite bounds no errors), which held.
        Assert.Equal(["browse p99 <= 0.001 ms", "all errorRate <= 1 %"], result.Budgets.Select(b => b.Name));
        var budget = result.Budgets[0];
        Assert.False(budget.Passed);
        Assert.StartsWith("aborted the run at", budget.Note, StringComparison.Ordinal);
        Assert.True(result.Budgets[1].Passed);
        Assert.Contains(result.Findings, f => f.Contains("was stopped", StringComparison.Ordinal));
    }

    private string Suite(string name, string phase, string budgets) => File(name + ".yaml", $$"""
        name: {{name}}
        tables:
          items: { name: BudgetCheck, key: { pk: S }, capacity: { mode: on-demand } }
        data:
          items: { model: customer, items: 200 }
        scenarios:
          - name: browse
            table: items
            mix: { get: 80, put: 20 }
            load:
              - {{phase}}
        budgets:
        {{budgets}}
        """);

    /// <summary>A results file as the engine writes it: one scenario, one operation, 5 s at 100/s, every latency the same.</summary>
    private static RunResult Synthetic(long getMicros)
    {
        var run = SyntheticRun.Create(SyntheticRun.Scenario("browse", SyntheticRun.Operation("get", SyntheticRun.Steady(5, 100, getMicros))));
        return run with { Run = run.Run with { RunId = "synthetic-run", Suite = "synthetic" } };
    }
}
