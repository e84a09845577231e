using LoadLab.Core.Errors;
using LoadLab.Cli.CommandLine;
using LoadLab.Reports.Compare;
using LoadLab.Cli.Console;
using LoadLab.Reports.Exporters;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab report RESULTS.json [--out DIR]</c>: rebuilds every output of a run from its results file alone.</summary>
internal static class ReportCommand
{
    public static readonly CommandSpec Spec = new(
        "report",
        "Rebuilds every report of a run (results.json, summary, HTML, JUnit, charts, latency log) from its results file.",
        ["RESULTS.json"],
        [
            new("out", "DIR", "folder to write into (default: the results file's folder)"),
            new("help", null, "show this help"),
        ]);

    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        string path = args.Positionals[0];
        var result = ResultsFiles.Read(path, "report");
        string directory = args.Value("out") ?? Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        IReadOnlyList<string> written;
        try
        {
            written = await ReportWriter.WriteAllAsync(result, directory, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"loadlab report: cannot write to {directory}: {e.Message}");
        }

        console.Write(SummaryTable.Build(result));
        console.MarkupLine($"Rebuilt {written.Count} file(s) in [bold]{Markup.Escape(directory)}[/]:");
        foreach (var file in written)
            console.MarkupLine($"  {Markup.Escape(file)}");
        return ExitCodes.Ok;
    }
}
