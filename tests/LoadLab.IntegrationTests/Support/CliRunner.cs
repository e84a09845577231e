using LoadLab.Cli;

namespace LoadLab.IntegrationTests.Support;

/// <summary>Runs <c>loadlab</c> in this process on a recording console.</summary>
internal static class CliRunner
{
    /// <summary>The exit code and everything the command printed.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole();
        int exit = await LoadLabApp.RunAsync(args, console.Console);
        return (exit, console.Output);
    }

    /// <summary>The same, and the test fails if a stack trace was printed: bad input gets a message, never a trace.</summary>
    public static async Task<(int Exit, string Output)> RunWithoutStackTraceAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        return result;
    }
}
