using System.Diagnostics;
using System.Text;

namespace LoadLab.IntegrationTests.Support;

/// <summary>Runs a program outside the test process (dotnet, npm, the installed tool) and collects its output.</summary>
internal static class ExternalProcess
{
    public static async Task<(int Exit, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        // The tool must behave as a user's would: not as a test host's child that inherits the repository's settings.
        start.Environment.Remove("LOADLAB_LOCAL_DYNAMODB_DIR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = new StringBuilder();
        var gate = new object();
        void Add(string? line)
        {
            if (line is null) return;
            lock (gate) output.AppendLine(line);
        }

        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit(); // drains the output events
        lock (gate) return (process.ExitCode, output.ToString());
    }
}
