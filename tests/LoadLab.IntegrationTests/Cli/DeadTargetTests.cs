using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using LoadLab.Cli;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// The embedded local DynamoDB killed in the middle of a run, through the real CLI: the run notices from its
/// outcomes that the target stopped answering, stops scheduling, writes the results with a finding saying when
/// and what, and exits 3 — where it used to count hundreds of failed operations and exit 0.
/// </summary>
public sealed partial class DeadTargetTests : IDisposable
{
    private const string Suite = """
        name: dead-target
        tables:
          items: { name: DeadTarget, key: { pk: S } }
        data:
          items: { model: customer, items: 20 }
        scenarios:
          - { name: browse, table: items, mix: { get: 1 }, load: [ { rate: 20, for: 60s } ] }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("loadlab-dead-target-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Killing_the_local_DynamoDB_mid_run_stops_the_run_writes_the_results_with_a_finding_and_exits_3()
    {
        var suite = Path.Combine(folder, "dead.yaml");
        await File.WriteAllTextAsync(suite, Suite);
        var output = Path.Combine(folder, "out");
        var console = new TestConsole();
        var run = LoadLabApp.RunAsync(["run", suite, "--out", output, "--plain"], console.Console);

        // The first progress line means the load is under way and operations are being answered.
        await UntilAsync(() => console.Output.Contains("s/60s] browse", StringComparison.Ordinal), run);
        var pid = PidLine().Match(console.Output);
        Assert.True(pid.Success, "the launcher's pid line is missing:\n" + console.Output);
        using (var dynalite = Process.GetProcessById(int.Parse(pid.Groups[1].Value, CultureInfo.InvariantCulture)))
        {
            dynalite.Kill();
            await dynalite.WaitForExitAsync();
        }

        int exit = await run.WaitAsync(TimeSpan.FromMinutes(2));

        string log = console.Output;
        Assert.True(exit == 3, $"exit {exit}\n{log}");
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        var failure = Assert.IsType<LoadLab.Core.Results.TargetFailure>(result.Run.TargetFailure);
        Assert.False(result.Run.Interrupted);
        // Stopped about failOn.unreachableFor (5 s) after the target died, not after the planned minute.
        Assert.InRange(failure.StoppedAtSeconds - failure.SinceSeconds, 5, 6);
        Assert.True(failure.StoppedAtSeconds < 30, $"stopped at {failure.StoppedAtSeconds} s");
        Assert.True(failure.NetworkErrors > 0, "no network errors counted");
        var get = Assert.Single(Assert.Single(result.Scenarios).Operations);
        Assert.True(get.Count("ok") > 0, "nothing was answered before the kill");
        // The dead emulator reads as a dead target (connection failures), not as DynamoDB's 500.
        Assert.True(get.Count("networkError") > 0, string.Join(", ", get.Outcomes));
        Assert.Equal(0, get.Count("serverError"));
        Assert.Equal(failure.MostFrequentError, get.ErrorCodes.MaxBy(c => c.Value).Key);
        var finding = Assert.Single(result.Findings, f => f.Contains("stopped answering", StringComparison.Ordinal));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{failure.SinceSeconds:0.#} s into the load"), finding, StringComparison.Ordinal);
        Assert.Contains(failure.MostFrequentError!, finding, StringComparison.Ordinal);
        Assert.Contains("stopped answering", log, StringComparison.Ordinal);
        // CI reading junit.xml sees the failed run too.
        var junit = System.Xml.Linq.XDocument.Load(Path.Combine(output, "junit.xml"));
        Assert.Contains(junit.Descendants("failure"), f => f.Attribute("type")?.Value == "TargetFailed");
    }

    /// <summary>Polls the console of a run in progress (no fixed wait): fails if the run ends first or nothing happens for minutes.</summary>
    internal static async Task UntilAsync(Func<bool> condition, Task run)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!condition())
        {
            if (run.IsCompleted)
                Assert.Fail("the run ended before the condition was met");
            await Task.Delay(100, limit.Token);
        }
    }

    [GeneratedRegex(@"\(pid (\d+)\)")]
    private static partial Regex PidLine();
}
