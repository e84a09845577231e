using LoadLab.Core.Errors;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Cli.Settings;
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
internal sealed class MergeCommand(CommandConsole console) : LoadLabCommand<MergeSettings>(console)
{
    protected override async Task<int> RunAsync(MergeSettings settings, CancellationToken cancellationToken)
    {
        var inputs = settings.Inputs.Select(MergeInput.Read).ToArray();
        if (!MergeInput.CheckAlike(inputs))
        {
            var shards = inputs.Select(i => (i.Path, i.Single!)).ToArray();
            var (merged, written) = await MergeAsync(shards, settings, directory: null, cancellationToken).ConfigureAwait(false);
            Console.MarkupLine($"Results: [bold]{Markup.Escape(written)}[/]");
            return merged.BudgetsPassed ? ExitCodes.Ok : ExitCodes.BudgetFailed;
        }

        // A suite with variants: each variant's shards merge into <out>/<variant>/, then the variants are compared as a run compares them.
        var variants = new List<VariantRun>();
        var first = inputs[0].Variants![0].Result.Run;
        string root = settings.Out ?? DefaultFolder(first);
        foreach (var (name, _, _) in inputs[0].Variants!)
        {
            var shards = inputs.Select(i => i.Variants!.First(v => v.Variant == name)).Select(v => (v.Path, v.Result)).ToArray();
            Console.MarkupLine($"Variant [bold]{Markup.Escape(name)}[/]:");
            var (merged, _) = await MergeAsync(shards, settings, Path.Combine(root, name), cancellationToken).ConfigureAwait(false);
            variants.Add(new VariantRun(name, merged));
        }

        var comparison = await ComparisonWriter.WriteAsync(variants, first.Suite, root, cancellationToken).ConfigureAwait(false);
        Console.MarkupLine($"Comparison: [bold]{Markup.Escape(comparison[0])}[/]");
        return variants.All(v => v.Result.BudgetsPassed) ? ExitCodes.Ok : ExitCodes.BudgetFailed;
    }

    /// <summary>Merges one run's shards, checks the budgets and writes the reports; returns the result and its results file.</summary>
    private async Task<(RunResult Merged, string ResultsFile)> MergeAsync(
        (string Path, RunResult Result)[] shards, MergeSettings settings, string? directory, CancellationToken cancellationToken)
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

        var budgets = BudgetsOf(settings.Suite ?? merged.Run.SuiteFile, explicitSuite: settings.Suite is not null);
        merged = merged with { Budgets = BudgetEvaluator.Evaluate(merged, budgets) };
        directory ??= settings.Out ?? DefaultFolder(merged.Run);
        var written = await ReportWriter.WriteAllAsync(merged, directory, cancellationToken).ConfigureAwait(false);

        Console.MarkupLine($"Merged {shards.Length} result(s) of run group [bold]{Markup.Escape(merged.Run.Shard?.RunGroup ?? "-")}[/].");
        foreach (var missing in RunResultMerger.MissingShards(merged.Run.Shard!))
            Console.MarkupLine($"[yellow]Warning:[/] {Markup.Escape(missing)}");
        Console.Write(SummaryTable.Build(merged));
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
