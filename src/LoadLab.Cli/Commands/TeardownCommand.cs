using LoadLab.Cli.Console;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Lifecycle;
using LoadLab.Runner.Running;
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
internal static class TeardownCommand
{
    public static readonly CommandSpec Spec = new(
        "teardown",
        "Deletes the suite's tables that LoadLab created (loadlab:created-by tag); others are left alone. Never on prod.",
        ["SUITE.yaml"],
        SafetyArguments.TableCommandOptions(new OptionSpec("include-kept", null, "also delete tables marked keep: true")));

    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, CancellationToken stop) =>
        await ExecuteAsync(args, console, SafetyServices.Default(new ConsoleConfirmation(console)), stop).ConfigureAwait(false);

    public static async Task<int> ExecuteAsync(ParsedArguments args, IAnsiConsole console, SafetyServices services, CancellationToken stop)
    {
        var options = RunArguments.From(args);
        void Info(string message) => console.MarkupLine($"[grey]·[/] {Markup.Escape(message)}");
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
                default: console.MarkupLine($"[yellow]![/] Left {Markup.Escape(table.Name)} alone: it lacks the {TableTags.CreatedBy} tag, so LoadLab did not create it."); break;
            }
        }

        if (deletable.Count == 0)
        {
            console.MarkupLine("Nothing to delete.");
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
            console.MarkupLine($"[yellow]Interrupted: deleted {deleted.Count} table(s); {Markup.Escape(string.Join(", ", left))} may remain. Run loadlab teardown again to finish.[/]");
            return ExitCodes.Interrupted;
        }

        console.MarkupLine(Formatting.Invariant($"Deleted {deleted.Count} table(s)."));
        return ExitCodes.Ok;
    }
}
