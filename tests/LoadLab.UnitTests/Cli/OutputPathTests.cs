using LoadLab.Reports.Json;
using LoadLab.Reports.Samples;
using LoadLab.UnitTests.Cli.Support;

namespace LoadLab.UnitTests.Cli;

/// <summary>
/// Outputs that cannot be written are refused before anything runs (exit 2), so a run never loads for minutes and
/// then loses its results. The endpoint is unreachable on purpose: a check that let a run through would end at exit 3.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private const string Unreachable = "http://127.0.0.1:9";
    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-paths-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text = "x")
    {
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Suite() => Write("suite.yaml", """
        name: paths
        tables:
          items: { name: Items, key: { pk: S } }
        data:
          items: { model: customer, items: 10 }
        scenarios:
          - { name: s, table: items, mix: { get: 1 }, load: [ { rate: 10, for: 1s } ] }
        """);

    private async Task<string> ResultsAsync()
    {
        string directory = Path.Combine(folder, "run");
        return await ResultsJson.WriteAsync(SampleRun.Create(), directory);
    }

    [Fact]
    public async Task Run_refuses_an_out_that_is_an_existing_file()
    {
        string file = Write("taken");

        var (exit, output) = await InProcessCli.RunCleanAsync("run", Suite(), "--endpoint", Unreachable, "--out", file);

        Assert.Equal(2, exit);
        Assert.Contains($"loadlab run: --out '{file}' is an existing file", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot reach", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_refuses_an_out_below_a_file()
    {
        string file = Write("taken");

        var (exit, output) = await InProcessCli.RunCleanAsync("run", Suite(), "--endpoint", Unreachable, "--out", Path.Combine(file, "reports"));

        Assert.Equal(2, exit);
        Assert.Contains($"cannot be created: {file} is a file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_refuses_an_out_it_cannot_write_in()
    {
        // Permissions do not stop root, which runs CI; /proc refuses new files to everyone.
        if (!OperatingSystem.IsLinux()) return;

        var (exit, output) = await InProcessCli.RunCleanAsync("run", Suite(), "--endpoint", Unreachable, "--out", "/proc/loadlab-reports");

        Assert.Equal(2, exit);
        Assert.Contains("--out '/proc/loadlab-reports' cannot be written: cannot create files in /proc", output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles("/proc", ".loadlab-write-check-*"));
    }

    [Fact]
    public async Task A_writable_out_that_does_not_exist_yet_is_not_created_by_the_check()
    {
        string target = Path.Combine(folder, "new", "reports");

        var (exit, output) = await InProcessCli.RunCleanAsync("run", Suite(), "--endpoint", Unreachable, "--out", target);

        Assert.True(exit == 3, output);
        Assert.False(Directory.Exists(Path.Combine(folder, "new")));
        Assert.Empty(Directory.GetFiles(folder, ".loadlab-write-check-*"));
    }

    [Fact]
    public async Task Report_and_merge_refuse_an_out_that_is_a_file()
    {
        string results = await ResultsAsync();
        string file = Write("taken");

        var (reportExit, reportOutput) = await InProcessCli.RunCleanAsync("report", results, "--out", file);
        var (mergeExit, mergeOutput) = await InProcessCli.RunCleanAsync("merge", results, "--out", file);

        Assert.Equal((2, 2), (reportExit, mergeExit));
        Assert.Contains($"loadlab report: --out '{file}' is an existing file", reportOutput, StringComparison.Ordinal);
        Assert.Contains($"loadlab merge: --out '{file}' is an existing file", mergeOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_a_baseline_into_a_file_is_refused()
    {
        string results = await ResultsAsync();
        string file = Write("baselines");

        var (exit, output) = await InProcessCli.RunCleanAsync("compare", "--save-baseline", "main", results, "--baseline-dir", file);

        Assert.Equal(2, exit);
        Assert.Contains($"loadlab compare: --baseline-dir '{file}' is an existing file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_refuses_a_persist_folder_that_is_a_file_before_starting_anything()
    {
        string file = Write("data");

        var (exit, output) = await InProcessCli.RunCleanAsync("local", "--persist", file);

        Assert.Equal(2, exit);
        Assert.Contains($"loadlab local: --persist '{file}' is an existing file", output, StringComparison.Ordinal);
    }
}
