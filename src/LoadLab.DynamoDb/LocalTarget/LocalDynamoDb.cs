using System.Globalization;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// A running local DynamoDB (dynalite) started by <see cref="LocalDynamoDbLauncher"/>. Dispose it to
/// stop it; a normal process exit stops it too, and its stdin lifeline stops it if this process
/// dies any other way.
/// </summary>
/// <remarks>
/// It is watched while it runs: an exit nobody asked for is logged (<see cref="LocalTargetOptions.Log"/>)
/// with dynalite's last output, recorded in <see cref="Incidents"/> and raised as <see cref="Incident"/>;
/// with <see cref="LocalTargetOptions.RestartOnExit"/> a new process is started on the same port, so the
/// endpoint stays valid. An in-memory dynalite comes back empty. A process that keeps dying is not
/// restarted forever: at most <see cref="MaxRestartsPerWindow"/> restarts within <see cref="RestartWindow"/>.
/// </remarks>
public sealed class LocalDynamoDb : IAsyncDisposable
{
    public const int MaxRestartsPerWindow = 5;

    public static readonly TimeSpan RestartWindow = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(5);

    private readonly LocalTargetOptions options;
    private readonly string toolDirectory;
    private readonly Lock gate = new();
    private readonly List<LocalTargetIncident> incidents = [];
    private readonly Queue<DateTimeOffset> restarts = new();
    private readonly CancellationTokenSource stopping = new();
    private ServerProcess server;
    private string? unavailable;
    private bool gaveUp;
    private Task? stopped;
    private Task watching;

    internal LocalDynamoDb(ServerProcess server, LocalTargetOptions options, string toolDirectory)
    {
        this.server = server;
        this.options = options;
        this.toolDirectory = toolDirectory;
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{server.Port}"));
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        watching = WatchAsync(server);
    }

    /// <summary>Raised (on a thread-pool thread) when dynalite stopped without being asked, after any restart was tried.</summary>
    public event Action<LocalTargetIncident>? Incident;

    /// <summary>
    /// Raised when dynalite stopped without being asked and kept nothing on disk, before any restart: whoever
    /// remembers its tables forgets them then, so nothing learned from the new process is forgotten afterwards.
    /// </summary>
    public event Action? StateLost;

    /// <summary>Where to point the AWS SDK (<c>ServiceURL</c>): http://127.0.0.1:PORT. The same after a restart.</summary>
    public Uri Endpoint { get; }

    /// <summary>The process serving now (a restart changes it).</summary>
    public int ProcessId
    {
        get
        {
            lock (gate)
                return server.ProcessId;
        }
    }

    /// <summary>True once it is stopped for good: disposed, or stopped and not restarted.</summary>
    public bool HasExited
    {
        get
        {
            lock (gate)
            {
                if (stopped is { IsCompleted: true } || gaveUp)
                    return true;
                return server.HasExited && !options.RestartOnExit;
            }
        }
    }

    /// <summary>Null while it serves; else why it does not (stopped, restarting, or given up).</summary>
    public string? Unavailable
    {
        get
        {
            lock (gate)
                return unavailable ?? (server.HasExited && stopped is null ? "the local DynamoDB (dynalite) process has exited" : null);
        }
    }

    /// <summary>Every unexpected exit so far, oldest first.</summary>
    public IReadOnlyList<LocalTargetIncident> Incidents
    {
        get
        {
            lock (gate)
                return [.. incidents];
        }
    }

    /// <summary>Stops dynalite: SIGTERM and closed stdin, up to 5 s to finish, then a kill of the tree. Idempotent.</summary>
    public ValueTask DisposeAsync()
    {
        lock (gate)
            stopped ??= StopAsync();
        return new ValueTask(stopped);
    }

    private async Task WatchAsync(ServerProcess watched)
    {
        try
        {
            await watched.Process.WaitForExitAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // asked to stop
        }
        catch (InvalidOperationException)
        {
            return; // disposed while stopping
        }

        // Let the last stderr lines arrive before quoting them.
        await Task.WhenAny(watched.Drain, Task.Delay(TimeSpan.FromMilliseconds(500))).ConfigureAwait(false);
        if (stopping.IsCancellationRequested)
            return;
        await HandleExitAsync(watched).ConfigureAwait(false);
    }

    private async Task HandleExitAsync(ServerProcess exited)
    {
        var at = DateTimeOffset.Now;
        string lost = string.IsNullOrWhiteSpace(options.PersistDirectory)
            ? "every table and item it held in memory is lost (start with --persist DIR to keep them across restarts)"
            : $"tables and items persisted in {Path.GetFullPath(options.PersistDirectory)} are kept; a write in flight when it stopped may be lost";
        lock (gate)
            unavailable = string.Create(CultureInfo.InvariantCulture, $"the local DynamoDB (dynalite, pid {exited.ProcessId}) stopped unexpectedly (exit code {exited.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"})");
        options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"The local DynamoDB (dynalite, pid {exited.ProcessId}) stopped unexpectedly (exit code {exited.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}). Its last output:{Environment.NewLine}{exited.Output.Format()}"));

        if (string.IsNullOrWhiteSpace(options.PersistDirectory))
            StateLost?.Invoke();

        string? failure = RestartRefusal(at);
        ServerProcess? next = null;
        if (failure is null)
        {
            options.Log?.Invoke($"Restarting the local DynamoDB on {Endpoint}: {lost}.");
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
                timeout.CancelAfter(options.StartTimeout);
                next = await LocalDynamoDbLauncher.StartServerAsync(options, toolDirectory, exited.Port, timeout.Token, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (LocalTargetException ex)
            {
                failure = "the restart failed: " + ex.Message;
            }
        }

        var incident = new LocalTargetIncident(at, exited.ProcessId, exited.ExitCode, exited.Output.Format(), lost, next is not null, failure);
        lock (gate)
        {
            incidents.Add(incident);
            if (next is not null && stopped is null)
            {
                server = next;
                unavailable = null;
                watching = WatchAsync(next);
            }
            else if (next is null)
            {
                unavailable += "; " + failure;
                gaveUp = true;
            }
        }

        if (next is not null && stopped is not null)
        {
            // Disposed while restarting: the new process must not outlive us.
            await StopProcessAsync(next).ConfigureAwait(false);
        }

        if (next is not null)
            options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Local DynamoDB restarted at {Endpoint} (pid {next.ProcessId})."));
        else
            options.Log?.Invoke($"The local DynamoDB is not restarted ({failure}); requests to it fail until LoadLab stops.");
        Incident?.Invoke(incident);
        exited.Process.Dispose();
    }

    /// <summary>Null when a restart may go ahead, else why not.</summary>
    private string? RestartRefusal(DateTimeOffset now)
    {
        if (!options.RestartOnExit)
            return "restarts are off for this command";
        lock (gate)
        {
            while (restarts.Count > 0 && now - restarts.Peek() > RestartWindow)
                restarts.Dequeue();
            if (restarts.Count >= MaxRestartsPerWindow)
                return string.Create(CultureInfo.InvariantCulture, $"it stopped {MaxRestartsPerWindow} times within {RestartWindow.TotalSeconds:0} s");
            restarts.Enqueue(now);
            return null;
        }
    }

    private async Task StopAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await stopping.CancelAsync().ConfigureAwait(false);
        ServerProcess current;
        Task watch;
        lock (gate)
        {
            current = server;
            watch = watching;
        }

        await StopProcessAsync(current).ConfigureAwait(false);
        await watch.ConfigureAwait(false);
        stopping.Dispose();
    }

    private static async Task StopProcessAsync(ServerProcess target)
    {
        var process = target.Process;
        // SIGTERM first, while the process is surely alive, so the signal cannot land on a reused PID;
        // closing stdin is the same request on Windows, where there is no SIGTERM.
        if (!target.HasExited)
            UnixSignal.TryTerminate(target.ProcessId);
        CloseLifeline(target);

        using (var wait = new CancellationTokenSource(GracefulStopTimeout))
        {
            try
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Still running after the grace period: kill it below.
            }
            catch (InvalidOperationException)
            {
                return; // already disposed after an exit
            }
        }

        if (!target.HasExited)
        {
            ChildProcess.KillQuietly(process);
            using var wait = new CancellationTokenSource(GracefulStopTimeout);
            try
            {
                await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The OS has the kill; nothing more we can do.
            }
        }

        await Task.WhenAny(target.Drain, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
        process.Dispose();
    }

    private static void CloseLifeline(ServerProcess target)
    {
        try
        {
            target.Process.StandardInput.Close();
        }
        catch (IOException)
        {
            // Broken pipe: the process has already gone.
        }
        catch (InvalidOperationException)
        {
            // Disposed after an exit.
        }
    }

    /// <summary>A normal exit of this process (end of Main, Environment.Exit) stops dynalite at once.</summary>
    private void OnProcessExit(object? sender, EventArgs e)
    {
        stopping.Cancel();
        ServerProcess current;
        lock (gate)
            current = server;
        CloseLifeline(current);
        ChildProcess.KillQuietly(current.Process);
    }
}
