using System.Security.Cryptography;
using System.Text.Json;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.IntegrationTests.Support;

namespace LoadLab.IntegrationTests.Reports;

/// <summary>
/// The independent reader of latency.hlog: hdr-histogram-js (the HdrHistogram JavaScript port,
/// pinned in node/package-lock.json) run by node/hlog-summary.js. Installs it with <c>npm ci</c>
/// once per lock file; parallel test processes take turns through a lock file in the temp folder.
/// </summary>
internal static class NodeHlogDecoder
{
    private const string Package = "hdr-histogram-js";
    private const string StampFile = ".loadlab-lock-hash";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);

    public static string Directory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "LoadLab.IntegrationTests", "Reports", "node");

    public sealed record TagSummary(int Intervals, double FirstStartMs, long Count, long P50, long P99, long Max);

    /// <summary>Decodes <paramref name="hlogPath"/>; returns per tag its interval count, total count and percentiles in microseconds.</summary>
    public static async Task<IReadOnlyDictionary<string, TagSummary>> SummarizeAsync(string hlogPath, CancellationToken cancellationToken)
    {
        await EnsureInstalledAsync(cancellationToken);
        var result = await ChildProcess.RunAsync("node", ["hlog-summary.js", hlogPath], Directory, cancellationToken);
        Assert.True(result.ExitCode == 0, $"node hlog-summary.js exited with {result.ExitCode}: {result.StandardError}");
        return JsonSerializer.Deserialize<Dictionary<string, TagSummary>>(result.StandardOutput, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("hlog-summary.js printed nothing.");
    }

    private static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (IsUpToDate()) return;
        string lockPath = Path.Combine(Path.GetTempPath(), "loadlab-npm-ci-hlog-check.lock");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        await using var installLock = await AcquireAsync(lockPath, timeout.Token);
        // Another test process may have installed it while this one waited.
        if (IsUpToDate()) return;
        var result = await ChildProcess.RunAsync(NpmInstaller.DefaultExecutable, ["ci", "--no-audit", "--no-fund"], Directory, timeout.Token);
        Assert.True(result.ExitCode == 0, $"npm ci in {Directory} failed ({result.ExitCode}): {result.StandardError}");
        await File.WriteAllTextAsync(Path.Combine(Directory, "node_modules", StampFile), LockHash(), CancellationToken.None);
    }

    /// <summary>The stamp is written only after a complete install, for exactly this lock file.</summary>
    private static bool IsUpToDate()
    {
        string stamp = Path.Combine(Directory, "node_modules", StampFile);
        return File.Exists(stamp)
            && File.Exists(Path.Combine(Directory, "node_modules", Package, "package.json"))
            && File.ReadAllText(stamp).Trim() == LockHash();
    }

    private static string LockHash() =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Directory, "package-lock.json"))));

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }
}
