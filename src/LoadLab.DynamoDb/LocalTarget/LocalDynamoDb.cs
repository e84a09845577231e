using System.Diagnostics;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// A running local DynamoDB (dynalite) started by <see cref="LocalDynamoDbLauncher"/>. Dispose it to
/// stop it; a normal process exit stops it too, and its stdin lifeline stops it if this process
/// dies any other way.
/// </summary>
public sealed class LocalDynamoDb : IAsyncDisposable
{
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(5);

    private readonly Process process;
    private readonly Task outputDrain;
    private readonly Lock gate = new();
    private Task? stopping;

    internal LocalDynamoDb(Process process, int port, Task outputDrain)
    {
        this.process = process;
        this.outputDrain = outputDrain;
        ProcessId = process.Id;
        Endpoint = new Uri(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>Where to point the AWS SDK (<c>ServiceURL</c>): http://127.0.0.1:PORT.</summary>
    public Uri Endpoint { get; }

    public int ProcessId { get; }

    public bool HasExited
    {
        get
        {
            lock (gate)
            {
                if (stopping is { IsCompleted: true })
                    return true;
            }
            try
            {
                return process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true; // disposed concurrently
            }
        }
    }

    /// <summary>Stops dynalite: SIGTERM and closed stdin, up to 5 s to finish, then a kill of the tree. Idempotent.</summary>
    public ValueTask DisposeAsync()
    {
        lock (gate)
            stopping ??= StopAsync();
        return new ValueTask(stopping);
    }

    private async Task StopAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        // SIGTERM first, while the process is surely alive, so the signal cannot land on a reused PID;
        // closing stdin is the same request on Windows, where there is no SIGTERM.
        if (!process.HasExited)
            UnixSignal.TryTerminate(ProcessId);
        CloseLifeline();

        using (var wait = new CancellationTokenSource(GracefulStopTimeout))
        {
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Still running after the grace period: kill it below.
            }
        }
        if (!process.HasExited)
        {
            ChildProcess.KillQuietly(process);
            using var wait = new CancellationTokenSource(GracefulStopTimeout);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // The OS has the kill; nothing more we can do.
            }
        }
        await Task.WhenAny(outputDrain, Task.Delay(TimeSpan.FromSeconds(1)));
        process.Dispose();
    }

    private void CloseLifeline()
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Broken pipe: the process has already gone.
        }
    }

    /// <summary>A normal exit of this process (end of Main, Environment.Exit) stops dynalite at once.</summary>
    private void OnProcessExit(object? sender, EventArgs e)
    {
        CloseLifeline();
        ChildProcess.KillQuietly(process);
    }
}
