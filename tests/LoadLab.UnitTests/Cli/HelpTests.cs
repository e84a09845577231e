using LoadLab.Cli;
using LoadLab.UnitTests.Cli.Support;

namespace LoadLab.UnitTests.Cli;

/// <summary>The help Spectre generates from the settings: every command, and every option of each.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Help_lists_every_command_and_no_command_is_a_usage_error()
    {
        var (help, helpText) = await InProcessCli.RunCleanAsync("--help");
        var (none, noneText) = await InProcessCli.RunCleanAsync();

        Assert.Equal((0, 2), (help, none));
        foreach (var command in LoadLabApp.Commands)
        {
            Assert.Contains(command.Name, helpText, StringComparison.Ordinal);
            Assert.Contains(command.Name, noneText, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> CommandNames => [.. LoadLabApp.Commands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CommandNames))]
    public async Task Each_command_shows_its_options(string name)
    {
        var (exit, output) = await InProcessCli.RunCleanAsync(name, "--help");

        Assert.Equal(0, exit);
        foreach (var option in LoadLabApp.Commands.Single(c => c.Name == name).Options)
            Assert.Contains("--" + option.Name, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_is_printed()
    {
        var (exit, output) = await InProcessCli.RunCleanAsync("--version");

        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+", output);
    }
}
