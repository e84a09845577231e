using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using LoadLab.IntegrationTests.Support;
using LoadLab.Reports.Json;

namespace LoadLab.IntegrationTests.Cli;

/// <summary>
/// Ctrl+C on a real `loadlab run` process: it stops scheduling, drains, writes partial results,
/// exits 130 and leaves no local DynamoDB process behind.
/// </summary>
public sealed partial class InterruptTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("loadlab-int-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public async Task Ctrl_c_during_the_load_drains_writes_partial_results_exits_130_and_stops_the_local_target()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "loadlab.dll");
        // setsid gives the run its own process group, so the signal below reaches LoadLab and the
        // local DynamoDB together, exactly as Ctrl+C on a terminal does, without hitting the test host.
        // setsid forks when it happens to lead a process group already; --wait then hands on the run's exit code.
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var a in new[] { "--wait", "dotnet", cli, "run", RepositoryPaths.Scenario("quickstart.yaml"), "--out", output, "--plain" })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = new StringBuilder();
        var pastWarmup = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (text) text.AppendLine(e.Data);
            // A progress line past the suite's 3 s warm-up: measured load is under way (plain lines come every 5 s).
            if (ProgressLine().Match(e.Data) is { Success: true } progress && int.Parse(progress.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 3)
                pastWarmup.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (text) text.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // The timeout only guards against a run that never gets there; the process ending first fails at once.
            await Task.WhenAny(pastWarmup.Task, process.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(3));
            if (!pastWarmup.Task.IsCompleted)
            {
                lock (text) Assert.Fail("the run ended before its load passed the warm-up:\n" + text);
            }
            // The group to signal is the one dynalite (LoadLab's child) is in: the run's own, whether setsid forked or not.
            int group;
            lock (text) group = GroupOf(int.Parse(PidLine().Match(text.ToString()).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            using (var kill = Process.Start("kill", ["-INT", "--", "-" + group.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        string log;
        lock (text) log = text.ToString();
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{log}");
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
        var result = ResultsJson.Read(Path.Combine(output, ResultsJson.FileName));
        Assert.True(result.Run.Interrupted);
        var scenario = Assert.Single(result.Scenarios);
        Assert.True(scenario.DurationSeconds < 30, $"ran {scenario.DurationSeconds} s");
        Assert.True(scenario.Scheduled > 0, "the run was stopped before any measured operation");
        long completed = scenario.Operations.Sum(o => o.Completed);
        Assert.Equal(scenario.Scheduled, completed + scenario.Dropped + scenario.Cancelled);
        // The local target outlived the signal until the drain was over: nothing failed to connect.
        Assert.All(scenario.Operations, o => Assert.False(o.Outcomes.ContainsKey("networkError"), $"{o.Name}: {string.Join(", ", o.Outcomes)}"));

        var pid = PidLine().Match(log);
        Assert.True(pid.Success, "the launcher's pid line is missing:\n" + log);
        int nodePid = int.Parse(pid.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(IsAlive(nodePid), $"local DynamoDB process {nodePid} outlived LoadLab");
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The process group of <paramref name="pid"/>: the fifth field of /proc/PID/stat, after the parenthesised name.</summary>
    private static int GroupOf(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\(pid (\d+)\)")]
    private static partial Regex PidLine();

    /// <summary>A plain progress line, e.g. "[     6s/40s] browse: …"; group 1 is the elapsed seconds.</summary>
    [GeneratedRegex(@"^\[\s*(\d+)s/\d+s\] ")]
    private static partial Regex ProgressLine();
}
