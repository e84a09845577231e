using System.ComponentModel;
using System.Security.Cryptography;
using LoadLab.Core.Plans;

namespace LoadLab.DynamoDb.LocalTarget;

/// <summary>
/// Installs the pinned dynalite with <c>npm ci</c> when <c>node_modules</c> is missing or was
/// installed from a different lock file. A stamp holding the lock file's SHA-256 records a
/// finished install; a cross-process lock makes parallel test processes take turns.
/// </summary>
public sealed class NpmInstaller
{
    public const string StampFileName = ".loadlab-lock-hash";

    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(200);

    public NpmInstaller(string? executable = null)
    {
        Executable = string.IsNullOrWhiteSpace(executable) ? DefaultExecutable : executable;
    }

    /// <summary>On Windows npm is a .cmd script, which Process.Start only finds by its full name.</summary>
    public static string DefaultExecutable => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    public string Executable { get; }

    /// <summary>The npm that ships beside <paramref name="nodeExecutable"/> when that is a path, else npm on PATH.</summary>
    public static NpmInstaller ForNode(string nodeExecutable)
    {
        ArgumentNullException.ThrowIfNull(nodeExecutable);
        string? dir = Path.GetDirectoryName(nodeExecutable);
        string besideNode = string.IsNullOrEmpty(dir) ? string.Empty : Path.Combine(dir, DefaultExecutable);
        return new NpmInstaller(File.Exists(besideNode) ? besideNode : null);
    }

    /// <summary>
    /// True when node_modules holds a finished install of the current package-lock.json: LoadLab's own stamp, or, when
    /// there is no stamp, an install by a plain <c>npm ci</c> (in CI, or by hand) whose hidden lockfile lists exactly the
    /// locked packages. Reinstalling in that case would replace node_modules under any dynalite already running from it.
    /// </summary>
    public static bool IsUpToDate(string toolDirectory)
    {
        ArgumentNullException.ThrowIfNull(toolDirectory);
        if (!File.Exists(Path.Combine(toolDirectory, "node_modules", "dynalite", "package.json")))
            return false;
        string stamp = StampPath(toolDirectory);
        return File.Exists(stamp)
            ? string.Equals(File.ReadAllText(stamp).Trim(), LockHash(toolDirectory), StringComparison.Ordinal)
            : NpmInstalledLock.Matches(toolDirectory);
    }

    /// <summary>Runs <c>npm ci</c> if needed; returns whether it ran.</summary>
    /// <exception cref="LocalTargetException">npm is missing, failed, or the wait ran out.</exception>
    public async Task<bool> EnsureInstalledAsync(
        string toolDirectory, TimeSpan timeout, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toolDirectory);
        if (!File.Exists(Path.Combine(toolDirectory, "package-lock.json")))
            throw new LocalTargetException($"{toolDirectory} has no package-lock.json, so the local DynamoDB cannot be installed reproducibly. Restore the file from the LoadLab repository.");
        // Fast path without the lock: the stamp is written only after a complete install.
        if (IsUpToDate(toolDirectory))
            return false;

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        bool waiting = true;
        try
        {
            await using var installLock = await AcquireLockAsync(toolDirectory, log, timeoutSource.Token);
            waiting = false;
            // Another process may have finished the install while we waited for the lock.
            if (IsUpToDate(toolDirectory))
                return false;
            log?.Invoke("Installing the local DynamoDB (npm ci)…");
            await RunNpmCiAsync(toolDirectory, timeoutSource.Token);
            Directory.CreateDirectory(Path.Combine(toolDirectory, "node_modules"));
            await File.WriteAllTextAsync(StampPath(toolDirectory), LockHash(toolDirectory), CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LocalTargetException(waiting
                ? $"Waited {Formatting.Duration(timeout)} for another LoadLab process to finish installing the local DynamoDB in {toolDirectory}. Retry when it is done, or raise the start timeout."
                : $"'npm ci' did not finish within {Formatting.Duration(timeout)} in {toolDirectory}. Check access to the npm registry, run 'npm ci' there yourself, or pass --endpoint URL to use an existing DynamoDB endpoint.");
        }
    }

    private async Task RunNpmCiAsync(string toolDirectory, CancellationToken cancellationToken)
    {
        ChildProcess.Result result;
        try
        {
            result = await ChildProcess.RunAsync(Executable, ["ci", "--no-audit", "--no-fund"], toolDirectory, cancellationToken);
        }
        catch (Win32Exception ex)
        {
            string what = ChildProcess.IsNotFound(ex) ? $"{Executable} was not found" : $"{Executable} could not be started ({ex.Message})";
            throw new LocalTargetException(
                $"Installing the local DynamoDB needs npm, but {what}. npm comes with Node.js 20+ (https://nodejs.org or your package manager); or pass --endpoint URL to use an existing DynamoDB endpoint.", ex);
        }
        if (result.ExitCode == 0)
            return;

        var tail = new OutputTail(12);
        tail.AddAll(result.StandardError.Length > 0 ? result.StandardError : result.StandardOutput);
        throw new LocalTargetException(
            $"Installing the local DynamoDB failed: 'npm ci' exited with code {result.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)} in {toolDirectory}. npm's last lines:{Environment.NewLine}" +
            $"{tail.Format()}{Environment.NewLine}Check access to the npm registry (network, proxy, .npmrc) and retry, or pass --endpoint URL to use an existing DynamoDB endpoint.");
    }

    /// <summary>
    /// Holds an exclusive lock file in the temp folder (not in the repository, so git stays clean,
    /// and not in node_modules, which npm ci deletes). The OS drops the lock if its holder dies.
    /// </summary>
    private static async Task<FileStream> AcquireLockAsync(string toolDirectory, Action<string>? log, CancellationToken cancellationToken)
    {
        string key = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(toolDirectory))))[..16];
        string path = Path.Combine(Path.GetTempPath(), $"loadlab-npm-ci-{key}.lock");
        bool told = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!told)
                    log?.Invoke("Waiting for another process to finish installing the local DynamoDB…");
                told = true;
            }
            await Task.Delay(LockRetryDelay, cancellationToken);
        }
    }

    private static string StampPath(string toolDirectory) => Path.Combine(toolDirectory, "node_modules", StampFileName);

    private static string LockHash(string toolDirectory) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(toolDirectory, "package-lock.json"))));
}
