using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Compare;
using LoadLab.Cli.Console;
using LoadLab.Cli.Suites;
using LoadLab.Core.Budgets;
using LoadLab.Core.Merging;
using LoadLab.Core.Results;
using LoadLab.Reports.Exporters;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary>
/// <c>loadlab merge DIR…</c>: combines the results of the shards of one run exactly (HdrHistograms
/// added, counters summed, series aligned on wall-clock seconds), writes the normal reports and
/// evaluates the suite's budgets on the merged result — exit codes as for run.
/// </summary>
internal static class MergeCommand
{
    public static readonly CommandSpec Spec = new(
        "merge",
        "Merges the results of the shards of one sharded run into one report and checks the suite's budgets on it.",
        ["DIR|RESULTS.json"],
        [
            new("out", "DIR", "folder for the merged reports (default reports/<run-group>-merged)"),
            new("suite", "FILE", "suite whose budgets to check (default: the suite file recorded in the results, if present)"),
            new("help", null, "show this help"),
        ],
        Variadic: true);

    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var shards = args.Positionals.Select(p => (p, ResultsFiles.Read(Directory.Exists(p) ? Path.Combine(p, Reports.Json.ResultsJson.FileName) : p, "merge"))).ToArray();
        RunResult merged;
        try
        {
            merged = RunResultMerger.Merge(shards);
        }
        catch (ShardMergeException e)
        {
            throw new UserFacingException(ExitCodes.InvalidInput, "loadlab merge: " + e.Message);
        }

        var budgets = BudgetsOf(args.Value("suite") ?? merged.Run.SuiteFile, explicitSuite: args.Has("suite"));
        merged = merged with { Budgets = BudgetEvaluator.Evaluate(merged, budgets) };
        string directory = args.Value("out") ?? Path.Combine("reports", (merged.Run.Shard?.RunGroup ?? merged.Run.RunId) + "-merged");
        var written = await ReportWriter.WriteAllAsync(merged, directory, cancellationToken).ConfigureAwait(false);

        console.MarkupLine($"Merged {shards.Length} result(s) of run group [bold]{Markup.Escape(merged.Run.Shard?.RunGroup ?? "-")}[/].");
        foreach (var missing in RunResultMerger.MissingShards(merged.Run.Shard!))
            console.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(missing)}");
        console.Write(SummaryTable.Build(merged));
        console.MarkupLine($"Results: [bold]{Markup.Escape(written[0])}[/]");
        return merged.BudgetsPassed ? ExitCodes.Ok : ExitCodes.BudgetFailed;
    }

    private static IReadOnlyList<BudgetDefinition> BudgetsOf(string? suitePath, bool explicitSuite)
    {
        if (suitePath is null || (!explicitSuite && !File.Exists(suitePath))) return [];
        return SuiteLoader.Load(suitePath, new SuiteLoadOptions { RunId = "merge" }).Budgets;
    }
}
