using System.Security.Cryptography;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Capacity;

/// <summary>
/// Installs the pinned AWS SDK for JavaScript (node/package-lock.json) with <c>npm ci</c> when node_modules is
/// missing or from another lock file. Same scheme as the launcher's NpmInstaller (a stamp with the lock
/// file's hash, a cross-process lock file in the temp folder), which cannot be reused as is because it
/// checks for dynalite's files.
/// </summary>
internal static class NodeClientInstaller
{
    private const string StampFile = ".loadlab-lock-hash";

    public static string Directory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "LoadLab.IntegrationTests", "Capacity", "node");

    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (IsInstalled())
            return Directory;
        await using var installLock = await AcquireLockAsync(cancellationToken);
        if (IsInstalled())
            return Directory;
        var result = await ChildProcess.RunAsync(NpmInstaller.DefaultExecutable, ["ci", "--no-audit", "--no-fund"], Directory, cancellationToken);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"npm ci failed in {Directory} (exit {result.ExitCode}): {result.StandardError}");
        await File.WriteAllTextAsync(Path.Combine(Directory, "node_modules", StampFile), LockHash(), cancellationToken);
        return Directory;
    }

    private static bool IsInstalled()
    {
        string stamp = Path.Combine(Directory, "node_modules", StampFile);
        return File.Exists(stamp)
            && File.Exists(Path.Combine(Directory, "node_modules", "@aws-sdk", "client-dynamodb", "package.json"))
            && File.ReadAllText(stamp).Trim() == LockHash();
    }

    private static string LockHash() => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Directory, "package-lock.json"))));

    private static async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        string key = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(Directory))))[..16];
        string path = Path.Combine(Path.GetTempPath(), $"loadlab-npm-ci-{key}.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Another test process is installing; wait for it.
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}
