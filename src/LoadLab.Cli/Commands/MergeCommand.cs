using LoadLab.Core.Errors;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Reports.Merging;
using LoadLab.Runner.Suites;
using LoadLab.Core.Budgets;
using LoadLab.Core.Merging;
using LoadLab.Core.Results;
using LoadLab.Reports.Charts;
using LoadLab.Reports.Exporters;
using LoadLab.Reports.Variants;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary>
/// <c>loadlab merge DIR…</c>: combines the results of the shards of one run exactly (HdrHistograms
/// added, counters summed, series aligned on wall-clock seconds), writes the normal reports and
/// evaluates the suite's budgets on the merged result — exit codes as for run. Shards of a suite with
/// variants are merged variant by variant into sub-folders and compared, as the run itself does.
/// </summary>
internal static class MergeCommand
{
    public static readonly CommandSpec Spec = new(
        "merge",
        "Merges the results of the shards of one sharded run into one report and checks the suite's budgets on it (per variant, and compared, for a suite with variants).",
        ["DIR|RESULTS.json"],
        [
            new("out", "DIR", "folder for the merged reports (default reports/<run-group>-merged)"),
            new("suite", "FILE", "suite whose budgets to check (default: the suite file recorded in the results, if present)"),
            new("help", null, "show this help"),
        ],
        Variadic: true);

    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var inputs = args.Positionals.Select(MergeInput.Read).ToArray();
        if (!MergeInput.CheckAlike(inputs))
        {
            var shards = inputs.Select(i => (i.Path, i.Single!)).ToArray();
            var (merged, written) = await MergeAsync(shards, args, directory: null, console, cancellationToken).ConfigureAwait(false);
            console.MarkupLine($"Results: [bold]{Markup.Escape(written)}[/]");
            return merged.BudgetsPassed ? ExitCodes.Ok : ExitCodes.BudgetFailed;
        }

        // A suite with variants: each variant's shards merge into <out>/<variant>/, then the variants are compared as a run compares them.
        var variants = new List<VariantRun>();
        var first = inputs[0].Variants![0].Result.Run;
        string root = args.Value("out") ?? DefaultFolder(first);
        foreach (var (name, _, _) in inputs[0].Variants!)
        {
            var shards = inputs.Select(i => i.Variants!.First(v => v.Variant == name)).Select(v => (v.Path, v.Result)).ToArray();
            console.MarkupLine($"Variant [bold]{Markup.Escape(name)}[/]:");
            var (merged, _) = await MergeAsync(shards, args, Path.Combine(root, name), console, cancellationToken).ConfigureAwait(false);
            variants.Add(new VariantRun(name, merged));
        }

        var comparison = await ComparisonWriter.WriteAsync(variants, first.Suite, root, cancellationToken).ConfigureAwait(false);
        console.MarkupLine($"Comparison: [bold]{Markup.Escape(comparison[0])}[/]");
        return variants.All(v => v.Result.BudgetsPassed) ? ExitCodes.Ok : ExitCodes.BudgetFailed;
    }

    /// <summary>Merges one run's shards, checks the budgets and writes the reports; returns the result and its results file.</summary>
    private static async Task<(RunResult Merged, string ResultsFile)> MergeAsync(
        (string Path, RunResult Result)[] shards, ParsedArguments args, string? directory, IAnsiConsole console, CancellationToken cancellationToken)
    {
        RunResult merged;
        try
        {
            merged = RunResultMerger.Merge(shards);
        }
        catch (ShardMergeException e)
        {
            throw new InvalidInputException("loadlab merge: " + e.Message);
        }

        var budgets = BudgetsOf(args.Value("suite") ?? merged.Run.SuiteFile, explicitSuite: args.Has("suite"));
        merged = merged with { Budgets = BudgetEvaluator.Evaluate(merged, budgets) };
        directory ??= args.Value("out") ?? DefaultFolder(merged.Run);
        var written = await ReportWriter.WriteAllAsync(merged, directory, cancellationToken).ConfigureAwait(false);

        console.MarkupLine($"Merged {shards.Length} result(s) of run group [bold]{Markup.Escape(merged.Run.Shard?.RunGroup ?? "-")}[/].");
        foreach (var missing in RunResultMerger.MissingShards(merged.Run.Shard!))
            console.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(missing)}");
        console.Write(SummaryTable.Build(merged));
        return (merged, written[0]);
    }

    /// <summary>reports/&lt;run-group&gt;-merged.</summary>
    private static string DefaultFolder(RunInfo run) => Path.Combine("reports", (run.Shard?.RunGroup ?? run.RunId) + "-merged");

    private static IReadOnlyList<BudgetDefinition> BudgetsOf(string? suitePath, bool explicitSuite)
    {
        if (suitePath is null || (!explicitSuite && !File.Exists(suitePath))) return [];
        return SuiteLoader.Load(suitePath, new SuiteLoadOptions { RunId = "merge" }).Budgets;
    }
}
