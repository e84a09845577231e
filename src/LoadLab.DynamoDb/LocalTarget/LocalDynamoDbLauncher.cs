using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// Starts dynalite from <c>tools/local-dynamodb</c>: checks Node.js, installs with npm ci when
/// needed, runs <c>node serve.js</c>, and returns once the endpoint answers HTTP.
/// </summary>
public static class LocalDynamoDbLauncher
{
    private const string ListeningPrefix = "LISTENING ";
    private const string EndpointHint = "or pass --endpoint URL to use an existing DynamoDB endpoint";

    /// <exception cref="LocalTargetException">It could not be started; the message says why and what to do.</exception>
    public static async Task<LocalDynamoDb> StartAsync(LocalTargetOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.StartTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TableStatusDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.TableStatusDelay, TimeSpan.FromMinutes(10));

        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        string stage = "checking Node.js";
        try
        {
            var version = await new NodeRuntime(options.NodeExecutable).EnsureSupportedAsync(timeout.Token);
            string toolDirectory = ToolDirectoryLocator.Locate(options.ToolDirectory);
            options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Using Node.js {version} and {toolDirectory}"));

            stage = "installing with npm ci";
            var remaining = options.StartTimeout - clock.Elapsed;
            await NpmInstaller.ForNode(options.NodeExecutable)
                .EnsureInstalledAsync(toolDirectory, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromTicks(1), options.Log, cancellationToken);

            stage = "starting dynalite";
            return await RunServerAsync(options, toolDirectory, timeout.Token, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LocalTargetException(
                $"The local DynamoDB did not start within {Formatting.Duration(options.StartTimeout)} (while {stage}). Retry with a longer start timeout, {EndpointHint}.");
        }
    }

    private static async Task<LocalDynamoDb> RunServerAsync(
        LocalTargetOptions options, string toolDirectory, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        options.Log?.Invoke("Starting the local DynamoDB (dynalite)…");
        var server = await StartServerAsync(options, toolDirectory, options.Port, cancellationToken, callerToken);
        options.Log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Local DynamoDB listening at http://127.0.0.1:{server.Port} (pid {server.ProcessId})"));
        return new LocalDynamoDb(server, options, toolDirectory);
    }

    /// <summary>Starts <c>node serve.js</c> on <paramref name="port"/> (0: any) and waits until it answers; used for the first start and for restarts.</summary>
    internal static async Task<ServerProcess> StartServerAsync(
        LocalTargetOptions options, string toolDirectory, int port, CancellationToken cancellationToken, CancellationToken callerToken)
    {
        string script = Path.Combine(toolDirectory, "serve.js");
        if (!File.Exists(script))
            throw new LocalTargetException($"{toolDirectory} has no serve.js. Restore it from the LoadLab repository, {EndpointHint}.");

        // --ignore-sigint: Ctrl+C on a terminal signals node too, but a run still needs the target
        // while it drains; LoadLab stops node itself (SIGTERM, then the stdin lifeline).
        var arguments = new List<string> { script, "--port", port.ToString(CultureInfo.InvariantCulture), "--ignore-sigint" };
        if (options.TableStatusDelay > TimeSpan.Zero)
            arguments.AddRange(["--table-status-ms", ((long)options.TableStatusDelay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)]);
        if (!string.IsNullOrWhiteSpace(options.PersistDirectory))
            arguments.AddRange(["--path", Path.GetFullPath(options.PersistDirectory)]); // relative to the user's folder, not ours

        // stdin stays open: it is the lifeline serve.js watches to exit when we go away.
        var process = new Process { StartInfo = ChildProcess.CreateStartInfo(options.NodeExecutable, arguments, toolDirectory) };
        var stderr = new OutputTail();
        process.ErrorDataReceived += (_, e) => stderr.Add(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new LocalTargetException($"Node.js ({options.NodeExecutable}) could not be started: {ex.Message}. Install Node.js 20+, {EndpointHint}.", ex);
        }

        try
        {
            process.BeginErrorReadLine();
            int bound = await ReadPortAsync(process, stderr, toolDirectory, cancellationToken);
            // dynalite writes little to stdout, but an unread pipe would block it once full.
            var drain = DrainAsync(process.StandardOutput);
            var endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{bound}"));
            await EndpointProbe.WaitUntilAnsweringAsync(endpoint, process, cancellationToken);
            if (process.HasExited)
                throw Exited(process, stderr, toolDirectory);
            return new ServerProcess(process, bound, stderr, drain);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            ChildProcess.KillQuietly(process);
            process.Dispose();
            throw new LocalTargetException(
                $"The local DynamoDB (dynalite) did not become ready within {Formatting.Duration(options.StartTimeout)}. Its last output:{Environment.NewLine}" +
                $"{stderr.Format()}{Environment.NewLine}Retry with a longer start timeout, {EndpointHint}.");
        }
        catch
        {
            // Whatever went wrong, do not leave a half-started dynalite behind.
            ChildProcess.KillQuietly(process);
            process.Dispose();
            throw;
        }
    }

    private static async Task<int> ReadPortAsync(Process process, OutputTail stderr, string toolDirectory, CancellationToken cancellationToken)
    {
        while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(ListeningPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                && port is > 0 and <= 65535)
                return port;
            stderr.Add(line);
        }
        // End of output before the LISTENING line: serve.js has stopped.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // Closed stdout but still running; report what we have.
        }
        throw Exited(process, stderr, toolDirectory);
    }

    private static LocalTargetException Exited(Process process, OutputTail stderr, string toolDirectory)
    {
        string code = process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "unknown";
        string output = stderr.Format();
        string advice = output.Contains("EADDRINUSE", StringComparison.Ordinal)
            ? "That port is taken: choose another, or use port 0 to let the OS pick a free one"
            : $"Deleting {Path.Combine(toolDirectory, "node_modules")} forces a clean reinstall on the next start";
        return new LocalTargetException(
            $"The local DynamoDB (dynalite) stopped before it was ready (exit code {code}). Its last output:{Environment.NewLine}{output}{Environment.NewLine}" +
            $"{advice}; {EndpointHint}.");
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is not null)
            {
            }
        }
        catch (IOException)
        {
            // The pipe closed with the process.
        }
        catch (ObjectDisposedException)
        {
            // The process object was disposed.
        }
    }
}
