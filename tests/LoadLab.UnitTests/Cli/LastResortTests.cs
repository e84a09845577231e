using LoadLab.Cli.CommandLine;
using LoadLab.UnitTests.Cli.Support;
using Spectre.Console.Testing;

namespace LoadLab.UnitTests.Cli;

/// <summary>An exception nobody expected: one line on the console with a pointer to a log file that has the details, exit 3.</summary>
public sealed class LastResortTests
{
    [Fact]
    public void An_unexpected_exception_is_one_line_and_a_log_file()
    {
        var console = TestConsoleExtensions.Width(new TestConsole(), 1000);
        Exception error;
        try
        {
            throw new InvalidOperationException("the widget is\nbroken");
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }

        int exit = LastResort.Report(error, ["run", "suite.yaml"], console);

        Assert.Equal(3, exit);
        string line = Assert.Single(console.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        InProcessCli.AssertNoStackTrace(line, ["run"]);
        Assert.StartsWith("loadlab run failed unexpectedly: the widget is broken (details in ", line, StringComparison.Ordinal);
        string log = line[(line.IndexOf("details in ", StringComparison.Ordinal) + "details in ".Length)..line.IndexOf(").", StringComparison.Ordinal)];
        try
        {
            Assert.StartsWith(LastResort.Folder, log, StringComparison.Ordinal);
            string details = File.ReadAllText(log);
            Assert.Contains("arguments: run suite.yaml", details, StringComparison.Ordinal);
            Assert.Contains("System.InvalidOperationException: the widget is", details, StringComparison.Ordinal);
            Assert.Contains("   at ", details, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(log);
        }
    }
}
