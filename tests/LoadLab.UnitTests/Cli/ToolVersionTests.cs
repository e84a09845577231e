using LoadLab.Cli.CommandLine;
using LoadLab.UnitTests.Cli.Support;

namespace LoadLab.UnitTests.Cli;

/// <summary><c>loadlab --version</c>: the version of Directory.Build.props and the commit the SDK recorded.</summary>
public sealed class ToolVersionTests
{
    [Theory]
    [InlineData("0.1.0+5140c74d837360c0f0bb39cb7d0ff75efad82dc2", "0.1.0 (commit 5140c74d8373)")]
    [InlineData("0.1.0+abc", "0.1.0 (commit abc)")]
    [InlineData("0.1.0", "0.1.0")] // built outside git: no commit to name
    public void Names_the_version_and_the_short_commit(string informational, string expected)
    {
        Assert.Equal(expected, ToolVersion.Describe(informational, null));
    }

    [Fact]
    public void Falls_back_to_the_assembly_version()
    {
        Assert.Equal("1.2.3", ToolVersion.Describe(null, new Version(1, 2, 3, 0)));
    }

    [Fact]
    public async Task The_built_executable_prints_its_commit()
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("--version");

        Assert.Equal(0, exit);
        // The tests build inside the git repository, so the SDK filled in SourceRevisionId.
        Assert.Matches(@"^\d+\.\d+\.\d+ \(commit [0-9a-f]{12}\)", output.Trim());
    }
}
