using System.Diagnostics;
using LoadLab.Cli;
using LoadLab.Runner.Suites;
using LoadLab.IntegrationTests.Fixtures;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;
using Xunit.Abstractions;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// Each ready suite of scenarios/ runs as-is (durations scaled down to a few seconds) through the real SDK against
/// the real local target, and every operation of every scenario's mix (read from the loaded plan) has ok results.
/// </summary>
[Collection("local-target")]
public sealed class ReadySuiteRunTests(LocalTargetFixture target, ITestOutputHelper log) : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("loadlab-suite-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    // Keeps each run's load at 4 to 6 seconds: quickstart and query-patterns last 40 s, write-heavy 55 s, read-heavy 1 min.
    private const double Scale = 0.1;

    [Theory]
    [InlineData("quickstart.yaml")]
    [InlineData("read-heavy.yaml")]
    [InlineData("write-heavy.yaml")]
    [InlineData("query-patterns.yaml")]
    [InlineData("capacity-compare.yaml")]
    public async Task Ready_suite_runs_and_every_operation_of_its_mix_succeeds(string suite)
    {
        string path = RepositoryPaths.Scenario(suite);
        var plan = SuiteLoader.Load(path, new SuiteLoadOptions { RunId = "expected", DurationScale = Scale });
        var console = new TestConsole();
        var clock = Stopwatch.StartNew();

        int exit = await LoadLabApp.RunAsync(
            ["run", path, "--duration-scale", Scale.ToString(System.Globalization.CultureInfo.InvariantCulture), "--endpoint", target.Endpoint.ToString(), "--out", output, "--plain"],
            console.Console);

        clock.Stop();
        Assert.True(exit == 0, console.Output);
        // A suite with variants writes one results.json per variant, each checked like a plain run.
        List<(LoadLab.Core.Plans.RunPlan Plan, string Folder)> runs = plan.Variants.Count == 0
            ? [(plan, output)]
            : [.. plan.Variants.Select(v => (v.Plan, Path.Combine(output, v.Name)))];
        foreach (var (expected, folder) in runs)
            CheckEveryOperation(suite, expected, ResultsJson.Read(Path.Combine(folder, ResultsJson.FileName)));

        var result = ResultsJson.Read(Path.Combine(runs[^1].Folder, ResultsJson.FileName));
        var seeding = result.Seeding.Sum(s => s.Seconds);
        log.WriteLine(System.FormattableString.Invariant(
            $"{suite}: {clock.Elapsed.TotalSeconds:0.0} s in all, seeding {result.Seeding.Sum(s => s.Items):N0} items in {seeding:0.0} s, load {result.Run.DurationSeconds:0.0} s"));
    }

    private static void CheckEveryOperation(string suite, LoadLab.Core.Plans.RunPlan plan, LoadLab.Core.Results.RunResult result)
    {
        Assert.False(result.Run.Interrupted);
        Assert.Equal(plan.DataSets.Sum(d => d.Items), result.Seeding.Sum(s => s.Items));
        foreach (var scenario in plan.Scenarios)
        {
            var ran = Assert.Single(result.Scenarios, s => s.Name == scenario.Name);
            foreach (var operation in scenario.Mix)
            {
                var measured = ran.Operations.SingleOrDefault(o => o.Name == operation.Operation);
                Assert.True(measured is not null, $"{suite}: {scenario.Name} has no results for {operation.Operation}");
                Assert.True(measured.Count("ok") > 0,
                    $"{suite}: {scenario.Name}/{operation.Operation} had no ok result: {string.Join(", ", measured.Outcomes.Select(o => $"{o.Key} {o.Value}"))}");
            }
        }
    }
}
