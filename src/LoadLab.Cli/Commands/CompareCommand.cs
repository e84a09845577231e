using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Cli.Settings;
using LoadLab.Core.Plans;
using LoadLab.Core.Results;
using LoadLab.Reports.Compare;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary>
/// <c>loadlab compare A.json B.json</c>: B against A, per operation; exit 1 when B regressed beyond
/// the tolerance. <c>--baseline NAME B.json</c> takes A from reports/baselines/NAME.json, and
/// <c>--save-baseline NAME RESULTS.json</c> stores a results file there.
/// </summary>
internal sealed class CompareCommand(CommandConsole console) : LoadLabCommand<CompareSettings>(console)
{
    protected override Task<int> RunAsync(CompareSettings settings, CancellationToken stop)
    {
        if (settings.SaveBaseline is { } saveAs)
        {
            string saved = Baselines.Save(saveAs, settings.First, settings.BaselineDirectory);
            Console.MarkupLine($"Saved baseline [bold]{Markup.Escape(saveAs)}[/]: {Markup.Escape(saved)}");
            return Task.FromResult(ExitCodes.Ok);
        }

        // The baseline form names one file, B; A is the baseline.
        string pathA = settings.Baseline is { } name ? Baselines.Existing(name, settings.BaselineDirectory) : settings.First;
        string pathB = settings.Second ?? settings.First;
        var a = ResultsFiles.Read(pathA, "compare");
        var b = ResultsFiles.Read(pathB, "compare");

        double tolerance = settings.TolerancePercent;
        var comparison = RunComparer.Compare(a, b, tolerance, settings.Metrics);
        Console.MarkupLine($"A: {Describe(pathA, a)}");
        Console.MarkupLine($"B: {Describe(pathB, b)}");
        foreach (var warning in comparison.Warnings)
            Console.MarkupLine($"[yellow]![/] {Markup.Escape(warning)}");
        foreach (var table in ComparisonTable.Build(comparison))
            Console.Write(table);
        if (comparison.HasRegression)
        {
            Console.MarkupLine(Formatting.Invariant($"[red bold]{comparison.Regressions} regression(s)[/] beyond the {tolerance:0.##}% tolerance."));
            return Task.FromResult(ExitCodes.BudgetFailed);
        }

        Console.MarkupLine(Formatting.Invariant($"[green]No regression[/] beyond the {tolerance:0.##}% tolerance."));
        return Task.FromResult(ExitCodes.Ok);
    }

    private static string Describe(string path, RunResult result) => Markup.Escape(Formatting.Invariant(
        $"{path} (suite {result.Run.Suite}, run {result.Run.RunId}, {result.Run.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"));
}
