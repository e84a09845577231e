using LoadLab.Cli.Console;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Lifecycle;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.Core.Plans;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary>
/// <c>loadlab seed SUITE.yaml</c>: creates the suite's tables (tagged as LoadLab's) and seeds them, without load.
/// Never on prod. Ctrl+C leaves every item either written or not; seeding again finishes the job.
/// </summary>
internal static class SeedCommand
{
    public static readonly CommandSpec Spec = new(
        "seed",
        "Creates the suite's tables (tagged as LoadLab's) and seeds their data, without running load. Never on prod; idempotent.",
        ["SUITE.yaml"],
        SafetyArguments.TableCommandOptions(new OptionSpec("seed", "N", "seed for the data (overrides the suite's)")));

    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, CancellationToken stop) =>
        await ExecuteAsync(args, console, SafetyServices.Default(new ConsoleConfirmation(console)), stop).ConfigureAwait(false);

    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, SafetyServices services, CancellationToken stop)
    {
        var options = RunArguments.From(args);
        void Info(string message) => console.MarkupLine($"[grey]·[/] {Markup.Escape(message)}");
        await using var session = await TableCommandSession.OpenAsync(options, "seed", "seed", services, Info, TimeProvider.System, stop).ConfigureAwait(false);
        var lifecycle = new TableLifecycle(session.Client, session.Plan, Info);
        long written = 0;
        try
        {
            var tables = await lifecycle.PrepareAsync(create: true, stop).ConfigureAwait(false);
            await lifecycle.ConfirmReseedAsync(tables, options.Safety.Yes, services.Confirmation, stop).ConfigureAwait(false);
            foreach (var dataSet in session.Plan.DataSets)
                written += (await DataSeeding.SeedAsync(session.Client, session.Plan, dataSet, shard: null, TimeProvider.System, Info, stop).ConfigureAwait(false)).Items;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted: the items written so far are complete; run loadlab seed again to finish (it writes the same keys again).[/]");
            return ExitCodes.Interrupted;
        }

        console.MarkupLine(Formatting.Invariant($"Seeded {written:N0} items into {session.Plan.DataSets.Count} table(s)."));
        return ExitCodes.Ok;
    }
}
