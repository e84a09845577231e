using LoadLab.Runner.Safety;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Runner.Running;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab run SUITE.yaml</c>: thin; the orchestrator does the work.</summary>
internal static class RunCommand
{
    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, CancellationToken stop)
    {
        var options = RunArguments.From(args);
        bool interactive = !options.Plain && !System.Console.IsOutputRedirected && console.Profile.Capabilities.Interactive;
        var progress = new RunProgress(console, interactive, TimeSpan.FromSeconds(5));
        var reporter = new ConsoleRunReporter(console, progress);
        var services = new RunServices(reporter, TimeProvider.System, SafetyServices.Default(new ConsoleConfirmation(console)));
        var suite = await new VariantRunner(services).RunAsync(options, stop).ConfigureAwait(false);

        foreach (var (variant, outcome) in suite.Runs)
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

        if (suite.ComparisonPath is { } comparison)
            console.MarkupLine($"Comparison: [bold]{Markup.Escape(comparison)}[/]");
        return ExitCodes.Of(suite.Verdict);
    }
}
