using System.Text.Json;
using LoadLab.Cli;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary><c>loadlab run --metrics emf</c> against dynalite: metrics.emf.jsonl beside results.json, one line per second per operation.</summary>
[Collection("local-target")]
public sealed class MetricsEmfRunTests(LocalTargetFixture target) : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("loadlab-emf-run-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Theory]
    [InlineData("--metrics emf", "")]
    [InlineData("", "metrics: { emf: file }")] // the suite's section, with no option
    public async Task A_run_with_metrics_emf_writes_one_document_per_second_and_operation(string option, string section)
    {
        // A suite of its own, without budgets: this test is about the file, not about latency on a busy machine.
        string suite = Path.Combine(output, "emf.yaml");
        await File.WriteAllTextAsync(suite, """
            name: emf-check
            tables:
              items: { name: EmfCheck, key: { pk: S }, capacity: { mode: on-demand } }
            data:
              items: { model: customer, items: 200 }
            scenarios:
              - name: browse
                table: items
                mix: { get: 80, put: 20 }
                load:
                  - { rate: 50, for: 4s }
            """ + "\n" + section + "\n");
        var console = new TestConsole();
        int exit = await LoadLabApp.RunAsync(
            ["run", suite, "--endpoint", target.Endpoint.ToString(), "--out", Path.Combine(output, "run"), "--plain", .. option.Split(' ', StringSplitOptions.RemoveEmptyEntries)],
            console.Console);

        Assert.True(exit == 0, console.Output);
        var result = ResultsJson.Read(Path.Combine(output, "run", ResultsJson.FileName));
        string[] lines = await File.ReadAllLinesAsync(Path.Combine(output, "run", "metrics.emf.jsonl"));
        var operations = result.Scenarios.SelectMany(s => s.Operations).ToList();
        Assert.Equal(operations.Sum(o => o.Series.Count), lines.Length);

        long ok = 0;
        double readUnits = 0;
        foreach (string line in lines)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            Assert.Equal("emf-check", root.GetProperty("suite").GetString());
            Assert.Equal("local", root.GetProperty("environment").GetString());
            ok += root.GetProperty("ok").GetInt64();
            readUnits += root.GetProperty("consumedReadUnits").GetDouble();
            if (root.GetProperty("ok").GetInt64() > 0)
                Assert.True(root.GetProperty("okP99").GetDouble() > 0, line);
        }

        // The seconds add up to the run's totals: nothing counted twice or lost between the file and results.json.
        Assert.Equal(operations.Sum(o => o.Count("ok")), ok);
        Assert.True(readUnits > 0);
    }

    [Fact]
    public async Task Metrics_off_overrides_the_suite_section()
    {
        string suite = Path.Combine(output, "off.yaml");
        await File.WriteAllTextAsync(suite, """
            name: emf-off
            tables:
              items: { name: EmfOff, key: { pk: S } }
            data:
              items: { model: customer, items: 10 }
            scenarios:
              - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 10, for: 1s } ] }
            metrics: { emf: file }
            """);

        var (exit, text) = await CliRunner.RunAsync("run", suite, "--endpoint", target.Endpoint.ToString(), "--out", Path.Combine(output, "off"), "--plain", "--metrics", "off");

        Assert.True(exit == 0, text);
        Assert.True(File.Exists(Path.Combine(output, "off", ResultsJson.FileName)));
        Assert.False(File.Exists(Path.Combine(output, "off", "metrics.emf.jsonl")));
    }

    [Fact]
    public async Task An_unknown_metrics_output_is_refused_before_anything_runs()
    {
        var (exit, text) = await CliRunner.RunWithoutStackTraceAsync("run", RepositoryPaths.Scenario("quickstart.yaml"), "--metrics", "emv", "--endpoint", "http://127.0.0.1:9");

        Assert.Equal(2, exit);
        Assert.Contains("--metrics 'emv' is not a metrics output", text, StringComparison.Ordinal);
    }
}
