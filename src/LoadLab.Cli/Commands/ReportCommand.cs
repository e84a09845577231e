using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Cli.Settings;
using LoadLab.Core.Errors;
using LoadLab.Reports.Compare;
using LoadLab.Reports.Exporters;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab report RESULTS.json [--out DIR]</c>: rebuilds every output of a run from its results file alone.</summary>
internal sealed class ReportCommand(CommandConsole console) : LoadLabCommand<ReportSettings>(console)
{
    protected override async Task<int> RunAsync(ReportSettings settings, CancellationToken stop)
    {
        var result = ResultsFiles.Read(settings.ResultsPath, "report");
        string directory = settings.OutDirectory;
        IReadOnlyList<string> written;
        try
        {
            written = await ReportWriter.WriteAllAsync(result, directory, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"loadlab report: cannot write to {directory}: {e.Message}");
        }

        Console.Write(SummaryTable.Build(result));
        Console.MarkupLine($"Rebuilt {written.Count} file(s) in [bold]{Markup.Escape(directory)}[/]:");
        foreach (var file in written)
            Console.MarkupLine($"  {Markup.Escape(file)}");
        return ExitCodes.Ok;
    }
}
