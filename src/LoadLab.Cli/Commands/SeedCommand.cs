using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Console;
using LoadLab.Cli.Settings;
using LoadLab.Core.Plans;
using LoadLab.Runner.Lifecycle;
using LoadLab.Runner.Safety;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary>
/// <c>loadlab seed SUITE.yaml</c>: creates the suite's tables (tagged as LoadLab's) and seeds them, without load.
/// Never on prod. Ctrl+C leaves every item either written or not; seeding again finishes the job.
/// </summary>
internal sealed class SeedCommand(CommandConsole console) : LoadLabCommand<SeedSettings>(console)
{
    protected override async Task<int> RunAsync(SeedSettings settings, CancellationToken stop)
    {
        var options = settings.Options;
        var services = SafetyServices.Default(new ConsoleConfirmation(Console));
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
            Console.MarkupLine("[yellow]Interrupted: the items written so far are complete; run loadlab seed again to finish (it writes the same keys again).[/]");
            return ExitCodes.Interrupted;
        }

        Console.MarkupLine(Formatting.Invariant($"Seeded {written:N0} items into {session.Plan.DataSets.Count} table(s)."));
        return ExitCodes.Ok;
    }
}
