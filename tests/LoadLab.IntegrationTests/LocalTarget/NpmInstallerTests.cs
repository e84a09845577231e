using System.Security.Cryptography;
using System.Text;
using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.LocalTarget;

/// <summary>The install decision and the cross-process lock, with a fake npm (no network).</summary>
public sealed class NpmInstallerTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string scratch = Directory.CreateTempSubdirectory("loadlab-npm-").FullName;
    private readonly string tool;
    private readonly string runs;

    public NpmInstallerTests()
    {
        tool = Directory.CreateDirectory(Path.Combine(scratch, "local-dynamodb")).FullName;
        runs = Path.Combine(scratch, "runs.txt");
        File.WriteAllText(Path.Combine(tool, "package.json"), "{}");
        File.WriteAllText(Path.Combine(tool, "package-lock.json"), "{\"lockfileVersion\":3}");
    }

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Installs_once_then_trusts_the_stamp()
    {
        var npm = FakeNpm();

        Assert.True(await npm.EnsureInstalledAsync(tool, Timeout));
        Assert.False(await npm.EnsureInstalledAsync(tool, Timeout));

        Assert.Equal(1, RunCount());
        string stamp = File.ReadAllText(Path.Combine(tool, "node_modules", NpmInstaller.StampFileName));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(tool, "package-lock.json")))), stamp);
    }

    [Fact]
    public async Task A_changed_lock_file_reinstalls()
    {
        var npm = FakeNpm();
        await npm.EnsureInstalledAsync(tool, Timeout);

        File.WriteAllText(Path.Combine(tool, "package-lock.json"), "{\"lockfileVersion\":3,\"changed\":true}");

        Assert.False(NpmInstaller.IsUpToDate(tool));
        Assert.True(await npm.EnsureInstalledAsync(tool, Timeout));
        Assert.Equal(2, RunCount());
    }

    [Fact]
    public async Task Parallel_installs_take_turns_and_npm_runs_once()
    {
        var npm = FakeNpm(sleepSeconds: 1);
        var log = new List<string>();

        bool[] ran = await Task.WhenAll(
            Task.Run(() => npm.EnsureInstalledAsync(tool, Timeout, Log)),
            Task.Run(() => npm.EnsureInstalledAsync(tool, Timeout, Log)),
            Task.Run(() => npm.EnsureInstalledAsync(tool, Timeout, Log)));

        Assert.Equal(1, ran.Count(r => r));
        Assert.Equal(1, RunCount());
        Assert.Single(log, l => l.StartsWith("Installing", StringComparison.Ordinal));

        void Log(string line)
        {
            lock (log)
                log.Add(line);
        }
    }

    [Fact]
    public async Task Npm_failure_quotes_its_last_lines()
    {
        string body = OperatingSystem.IsWindows()
            ? "echo npm error network ETIMEDOUT 1>&2\nexit /b 1"
            : "echo 'npm error network ETIMEDOUT' >&2\nexit 1";
        var npm = new NpmInstaller(FakeProgram.Create(scratch, "npm", body));

        var ex = await Assert.ThrowsAsync<LocalTargetException>(() => npm.EnsureInstalledAsync(tool, Timeout));

        Assert.Contains("exited with code 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("npm error network ETIMEDOUT", ex.Message, StringComparison.Ordinal);
        Assert.False(NpmInstaller.IsUpToDate(tool));
    }

    [Fact]
    public async Task Missing_npm_says_it_comes_with_node()
    {
        var npm = new NpmInstaller(Path.Combine(scratch, "no-such-npm"));

        var ex = await Assert.ThrowsAsync<LocalTargetException>(() => npm.EnsureInstalledAsync(tool, Timeout));

        Assert.Contains("was not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Node.js 20+", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_install_by_a_plain_npm_ci_is_trusted_and_a_stale_one_is_not()
    {
        const string Lock = """{"lockfileVersion":3,"packages":{"":{"name":"x"},"node_modules/dynalite":{"version":"4.0.0"},"node_modules/once":{"version":"1.4.0"}}}""";
        File.WriteAllText(Path.Combine(tool, "package-lock.json"), Lock);
        Directory.CreateDirectory(Path.Combine(tool, "node_modules", "dynalite"));
        File.WriteAllText(Path.Combine(tool, "node_modules", "dynalite", "package.json"), "{}");
        // What npm ci leaves behind: its hidden lockfile with the same packages, and no LoadLab stamp.
        string hidden = Path.Combine(tool, "node_modules", ".package-lock.json");
        File.WriteAllText(hidden, """{"lockfileVersion":3,"packages":{"node_modules/dynalite":{"version":"4.0.0"},"node_modules/once":{"version":"1.4.0"}}}""");
        var npm = FakeNpm();

        Assert.True(NpmInstaller.IsUpToDate(tool));
        Assert.False(await npm.EnsureInstalledAsync(tool, Timeout));
        Assert.Equal(0, RunCount());

        File.WriteAllText(hidden, """{"lockfileVersion":3,"packages":{"node_modules/dynalite":{"version":"3.2.2"},"node_modules/once":{"version":"1.4.0"}}}""");
        Assert.False(NpmInstaller.IsUpToDate(tool));
        Assert.True(await npm.EnsureInstalledAsync(tool, Timeout));
        Assert.Equal(1, RunCount());
    }

    /// <summary>An npm that "installs" dynalite's package.json and counts its runs.</summary>
    private NpmInstaller FakeNpm(int sleepSeconds = 0)
    {
        var body = new StringBuilder();
        if (OperatingSystem.IsWindows())
        {
            if (sleepSeconds > 0)
                body.Append("ping -n ").Append(sleepSeconds + 1).Append(" 127.0.0.1 >nul\n");
            body.Append("mkdir node_modules\\dynalite 2>nul\n")
                .Append("echo {} > node_modules\\dynalite\\package.json\n")
                .Append("echo ran>> \"").Append(runs).Append("\"\n");
        }
        else
        {
            if (sleepSeconds > 0)
                body.Append("sleep ").Append(sleepSeconds).Append('\n');
            body.Append("mkdir -p node_modules/dynalite\n")
                .Append("echo '{}' > node_modules/dynalite/package.json\n")
                .Append("echo ran >> '").Append(runs).Append("'\n");
        }
        return new NpmInstaller(FakeProgram.Create(scratch, "npm", body.ToString()));
    }

    private int RunCount() => File.Exists(runs) ? File.ReadAllLines(runs).Count(l => l.Length > 0) : 0;
}
