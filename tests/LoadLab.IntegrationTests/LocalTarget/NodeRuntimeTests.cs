using System.Globalization;
using LoadLab.DynamoDb.LocalTarget;

namespace LoadLab.IntegrationTests.LocalTarget;

public sealed class NodeRuntimeTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("loadlab-node-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Real_node_is_supported()
    {
        var version = await new NodeRuntime().EnsureSupportedAsync();

        Assert.True(version.Major >= NodeRuntime.MinimumMajorVersion);
    }

    [Fact]
    public async Task Missing_node_gives_the_install_hint()
    {
        var node = new NodeRuntime("loadlab-no-such-node-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));

        var ex = await Assert.ThrowsAsync<LocalTargetException>(() => node.EnsureSupportedAsync());

        Assert.Contains("not found on PATH", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Install Node.js 20+", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--endpoint URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Old_node_is_refused_naming_both_versions()
    {
        string fake = FakeProgram.Create(scratch, "node", "echo v18.0.0");

        var ex = await Assert.ThrowsAsync<LocalTargetException>(() => new NodeRuntime(fake).EnsureSupportedAsync());

        Assert.Contains("found v18.0.0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Node.js 20 or newer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launcher_with_missing_node_fails_before_starting_anything()
    {
        var options = new LocalTargetOptions { NodeExecutable = "loadlab-no-such-node-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) };

        var ex = await Assert.ThrowsAsync<LocalTargetException>(() => LocalDynamoDbLauncher.StartAsync(options));

        Assert.Contains("Install Node.js 20+", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v20.11.1", "20.11.1")]
    [InlineData("v22.0.0\n", "22.0.0")]
    [InlineData("v21.0.0-pre", "21.0.0")]
    [InlineData("18.1.0", "18.1.0")]
    public void Versions_are_parsed(string text, string expected) =>
        Assert.Equal(Version.Parse(expected), NodeRuntime.ParseVersion(text));

    [Theory]
    [InlineData("")]
    [InlineData("node: command not found")]
    [InlineData("v20")]
    public void Non_versions_are_rejected(string text) => Assert.Null(NodeRuntime.ParseVersion(text));
}

/// <summary>Writes a small executable script standing in for node or npm.</summary>
internal static class FakeProgram
{
    /// <param name="body">Shell commands (sh on Unix, cmd on Windows; keep to echo/exit/mkdir).</param>
    public static string Create(string directory, string name, string body)
    {
        if (OperatingSystem.IsWindows())
        {
            string cmd = Path.Combine(directory, name + ".cmd");
            File.WriteAllText(cmd, "@echo off\r\n" + body.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n");
            return cmd;
        }
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
