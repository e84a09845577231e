using LoadLab.Cli.Console;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Lifecycle;
using LoadLab.Cli.Settings;
using LoadLab.Runner.Safety;
using LoadLab.Core.Plans;
using LoadLab.DynamoDb.Tables;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary>
/// <c>loadlab teardown SUITE.yaml</c>: deletes the suite's tables that carry LoadLab's created-by tag, except those
/// marked <c>keep: true</c> (unless --include-kept). Asks first, or needs --yes. Never on prod. Each table is one
/// DeleteTable call, so Ctrl+C leaves every table whole or deleted and running it again finishes the job.
/// </summary>
internal sealed class TeardownCommand(CommandConsole console) : LoadLabCommand<TeardownSettings>(console)
{
    protected override async Task<int> RunAsync(TeardownSettings settings, CancellationToken stop)
    {
        var options = settings.Options;
        var services = SafetyServices.Default(new ConsoleConfirmation(Console));
        await using var session = await TableCommandSession.OpenAsync(options, "teardown", "tear down", services, Info, TimeProvider.System, stop).ConfigureAwait(false);

        var deletable = new List<string>();
        foreach (var table in session.Plan.Tables)
        {
            if (table.Keep && !options.Safety.IncludeKept)
            {
                Info($"Keeping {table.Name} (keep: true; --include-kept deletes it too)");
                continue;
            }

            switch (await TableTeardown.CheckAsync(session.Client, table.Name, stop).ConfigureAwait(false))
            {
                case null: deletable.Add(table.Name); break;
                case TeardownOutcome.NotFound: Info($"{table.Name} does not exist"); break;
                case TeardownOutcome.Deleted: Info($"{table.Name} is already being deleted"); break;
                default: Console.MarkupLine($"[yellow]![/] Left {Markup.Escape(table.Name)} alone: it lacks the {TableTags.CreatedBy} tag, so LoadLab did not create it."); break;
            }
        }

        if (deletable.Count == 0)
        {
            Console.MarkupLine("Nothing to delete.");
            return ExitCodes.Ok;
        }

        ConfirmationGuard.Require($"delete {deletable.Count} table(s): {string.Join(", ", deletable)}", options.Safety.Yes, services.Confirmation);
        var deleted = new List<string>();
        try
        {
            foreach (var name in deletable)
            {
                stop.ThrowIfCancellationRequested();
                var outcome = await TableTeardown.DeleteIfLoadLabsAsync(session.Client, name, stop).ConfigureAwait(false);
                if (outcome == TeardownOutcome.Deleted) deleted.Add(name);
                Info(outcome == TeardownOutcome.Deleted ? $"Deleted {name}" : $"{name}: {outcome}");
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var left = deletable.Except(deleted, StringComparer.Ordinal).ToList();
            Console.MarkupLine($"[yellow]Interrupted: deleted {deleted.Count} table(s); {Markup.Escape(string.Join(", ", left))} may remain. Run loadlab teardown again to finish.[/]");
            return ExitCodes.Interrupted;
        }

        Console.MarkupLine(Formatting.Invariant($"Deleted {deleted.Count} table(s)."));
        return ExitCodes.Ok;
    }
}
