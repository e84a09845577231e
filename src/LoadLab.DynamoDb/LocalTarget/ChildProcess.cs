using System.ComponentModel;
using System.Diagnostics;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>Runs a short-lived program (node --version, npm ci) to completion and captures its output.</summary>
internal static class ChildProcess
{
    /// <summary>Win32/errno code for "no such file": the program is not installed or not on PATH.</summary>
    private const int FileNotFound = 2;

    internal sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>
    /// Runs <paramref name="fileName"/> and waits for it. Cancellation kills the process tree, so a
    /// hung npm does not outlive the start it belonged to.
    /// </summary>
    /// <exception cref="Win32Exception">The program could not be started.</exception>
    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, string? workingDirectory, CancellationToken cancellationToken)
    {
        var startInfo = CreateStartInfo(fileName, arguments, workingDirectory);
        using var process = new Process { StartInfo = startInfo };
        process.Start();
        // Nothing to say to it; closing stdin also stops it from ever waiting on our console.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            KillQuietly(process);
            throw;
        }
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    public static ProcessStartInfo CreateStartInfo(string fileName, IEnumerable<string> arguments, string? workingDirectory)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        foreach (string argument in arguments)
            startInfo.ArgumentList.Add(argument);
        return startInfo;
    }

    public static bool IsNotFound(Win32Exception exception) => exception.NativeErrorCode == FileNotFound;

    /// <summary>Kills the process and its children; it may already be gone, which is fine.</summary>
    public static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited (or was never started) between the check and the kill.
        }
        catch (Win32Exception)
        {
            // The OS refused; the process is on its way out or already gone.
        }
    }
}
