using LoadLab.Core.Plans;
using LoadLab.Runner.Running;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>What <c>run</c> and <c>simulate</c> print once a suite has played: each variant's summary, then the comparison.</summary>
internal static class SuiteOutcomeView
{
    /// <summary>One variant's (or the only run's) summary table, findings, interruption and results path.</summary>
    public static void WriteRun(IAnsiConsole console, VariantPlan? variant, RunOutcome outcome)
    {
        if (variant is not null)
            console.Write(new Rule($"variant {Markup.Escape(variant.Name)}").LeftJustified());
        console.Write(SummaryTable.Build(outcome.Result));
        foreach (var finding in outcome.Result.Findings)
            console.MarkupLine($"[yellow]![/] {Markup.Escape(finding)}");
        if (outcome.Result.Run.Interrupted)
            console.MarkupLine("[yellow]Interrupted: the results are partial.[/]");
        console.MarkupLine($"Results: [bold]{Markup.Escape(outcome.ResultsPath)}[/]");
    }

    /// <summary>The comparison's path, for a suite with variants.</summary>
    public static void WriteComparison(IAnsiConsole console, string? path)
    {
        if (path is not null)
            console.MarkupLine($"Comparison: [bold]{Markup.Escape(path)}[/]");
    }
}
