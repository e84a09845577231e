using System.Diagnostics;
using System.Globalization;
using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.LocalTarget;

/// <summary>serve.js itself: it must not outlive whoever holds its stdin.</summary>
public sealed class ServeScriptLifelineTests
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Closing_stdin_ends_the_node_process()
    {
        using var node = await StartAsync("node", Serve(), "--port", "0");
        Assert.StartsWith("LISTENING ", await ReadLineAsync(node), StringComparison.Ordinal);

        node.StandardInput.Close();

        using var wait = new CancellationTokenSource(ExitWithin);
        await node.WaitForExitAsync(wait.Token);
        Assert.Equal(0, node.ExitCode);
    }

    [Fact]
    public async Task A_parent_killed_with_SIGKILL_leaves_no_orphan()
    {
        // An intermediate node holds serve.js's stdin, then dies without any chance to clean up;
        // serve.js shares its stdout, so we read both the child's PID and the LISTENING line.
        const string Parent =
            "const c = require('child_process').spawn(process.execPath, process.argv.slice(1), { stdio: ['pipe', 'inherit', 'inherit'] });" +
            "console.log('CHILD ' + c.pid); setInterval(() => {}, 1e6);";
        using var parent = await StartAsync("node", "-e", Parent, Serve(), "--port", "0");
        int child = 0;
        try
        {
            string? first = await ReadLineAsync(parent);
            Assert.StartsWith("CHILD ", first, StringComparison.Ordinal);
            child = int.Parse(first.AsSpan(6), CultureInfo.InvariantCulture);
            Assert.StartsWith("LISTENING ", await ReadLineAsync(parent), StringComparison.Ordinal);
            Assert.True(ProcessProbe.IsAlive(child));

            parent.Kill(entireProcessTree: false); // SIGKILL on Unix
            await parent.WaitForExitAsync();

            Assert.True(await ProcessProbe.WaitUntilGoneAsync(child, ExitWithin), $"serve.js (pid {child}) outlived its killed parent");
        }
        finally
        {
            // Only reached with something left running when an assertion above failed.
            if (!parent.HasExited)
                parent.Kill(entireProcessTree: true);
            if (child != 0 && ProcessProbe.IsAlive(child))
                Process.GetProcessById(child).Kill();
        }
    }

    [Fact]
    public async Task SIGTERM_ends_it_cleanly()
    {
        if (OperatingSystem.IsWindows())
            return; // no SIGTERM there; closing stdin is the clean stop on Windows
        using var node = await StartAsync("node", Serve(), "--port", "0");
        Assert.StartsWith("LISTENING ", await ReadLineAsync(node), StringComparison.Ordinal);

        using var kill = Process.Start("kill", ["-TERM", node.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();

        using var wait = new CancellationTokenSource(ExitWithin);
        await node.WaitForExitAsync(wait.Token);
        Assert.Equal(0, node.ExitCode);
    }

    private static string Serve() => Path.Combine(ToolDirectoryLocator.Locate(), "serve.js");

    /// <summary>A line of output, or a failed test (not a hung one) when serve.js never prints it.</summary>
    private static async Task<string?> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(ReadWithin);
        try
        {
            return await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    private static async Task<Process> StartAsync(string program, params string[] arguments)
    {
        // These tests run serve.js directly, so they need dynalite installed just as the launcher does.
        await new NpmInstaller().EnsureInstalledAsync(ToolDirectoryLocator.Locate(), TimeSpan.FromMinutes(3));

        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            WorkingDirectory = ToolDirectoryLocator.Locate(),
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
    }
}
