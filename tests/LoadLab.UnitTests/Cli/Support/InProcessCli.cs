using LoadLab.Cli;
using Spectre.Console.Testing;

namespace LoadLab.UnitTests.Cli.Support;

/// <summary>Runs <c>loadlab</c> in this process on a recording console, wide enough that no message wraps.</summary>
internal static class InProcessCli
{
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = TestConsoleExtensions.Width(new TestConsole(), 250);
        int exit = await LoadLabApp.RunAsync(args, console);
        return (exit, console.Output);
    }

    /// <summary>The run as <see cref="RunAsync"/>, failing the test on anything that looks like a stack trace or an exception dump.</summary>
    public static async Task<(int Exit, string Output)> RunCleanAsync(params string[] args)
    {
        var (exit, output) = await RunAsync(args);
        AssertNoStackTrace(output, args);
        return (exit, output);
    }

    public static void AssertNoStackTrace(string output, IReadOnlyList<string> args)
    {
        string shown = $"loadlab {string.Join(" ", args)}:\n{output}";
        Assert.False(output.Contains("   at ", StringComparison.Ordinal), shown);
        Assert.False(output.Contains("Exception:", StringComparison.Ordinal), shown);
        Assert.False(output.Contains("Unhandled exception", StringComparison.Ordinal), shown);
    }
}
