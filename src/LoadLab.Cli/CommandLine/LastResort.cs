using System.Globalization;
using System.Text;
using Spectre.Console;

namespace LoadLab.Cli.CommandLine;

/// <summary>
/// What an unexpected exception becomes: one line on the console that says what failed and where the details are,
/// and a log file with them (the stack trace belongs there, never on the console). Exit code 3.
/// </summary>
internal static class LastResort
{
    /// <summary>Where the logs go: the system temp folder, which exists and is writable wherever loadlab runs.</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "loadlab");

    public static int Report(Exception error, IReadOnlyList<string> args, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        string command = args.Count > 0 && CommandCatalog.Find(args[0]) is { } entry ? $"loadlab {entry.Name}" : "loadlab";
        string details;
        try
        {
            details = "details in " + Write(error, args);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            details = $"the details could not be written to {Folder}: {OneLine(e.Message)}";
        }

        console.MarkupLine($"[red]{Markup.Escape($"{command} failed unexpectedly: {OneLine(error.Message)} ({details}). Please report it with that file.")}[/]");
        return ExitCodes.CannotRun;
    }

    private static string Write(Exception error, IReadOnlyList<string> args)
    {
        Directory.CreateDirectory(Folder);
        var now = DateTimeOffset.UtcNow;
        string path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"error-{now:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid():N}.log"));
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"time: {now:O}")
            .AppendLine(CultureInfo.InvariantCulture, $"loadlab: {typeof(LastResort).Assembly.GetName().Version}")
            .AppendLine(CultureInfo.InvariantCulture, $"runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}")
            .AppendLine(CultureInfo.InvariantCulture, $"arguments: {string.Join(" ", args)}")
            .AppendLine()
            .AppendLine(error.ToString());
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string OneLine(string text) => string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
