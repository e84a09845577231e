using LoadLab.Core.Text;
using LoadLab.Core.Errors;
using System.Runtime.InteropServices;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Commands;
using LoadLab.Runner.Running;
using LoadLab.Runner.Suites;
using LoadLab.DynamoDb.LocalTarget;
using Spectre.Console;

namespace LoadLab.Cli;

/// <summary>
/// Entry point logic, callable in-process by tests: picks the command, wires Ctrl+C and SIGTERM to a
/// graceful stop, and turns every expected failure into a message and an exit code — never a stack trace.
/// </summary>
public static class LoadLabApp
{
    internal static readonly IReadOnlyList<CommandSpec> Commands = [RunArguments.Spec, PlanCommand.Spec, SeedCommand.Spec, TeardownCommand.Spec, LocalCommand.Spec, CompareCommand.Spec, ReportCommand.Spec, MergeCommand.Spec];

    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken external = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(external);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (stop.IsCancellationRequested) return; // a second Ctrl+C ends the process at once
            e.Cancel = true;
            console.MarkupLine("[yellow]Stopping: no new operations; finishing those in flight and writing results. Press Ctrl+C again to abort.[/]");
            stop.Cancel();
        };
        System.Console.CancelKeyPress += onCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        try
        {
            return await DispatchAsync(args, console, stop.Token).ConfigureAwait(false);
        }
        catch (SuiteLoadException e)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.InvalidInput;
        }
        catch (InvalidInputException e)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.InvalidInput;
        }
        catch (CannotRunException e)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.CannotRun;
        }
        catch (LocalTargetException e)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return ExitCodes.CannotRun;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/]");
            return ExitCodes.Interrupted;
        }
        catch (LoadLab.DynamoDb.Seeding.SeedingIncompleteException e)
        {
            console.MarkupLine($"[red]Seeding failed: {Markup.Escape(e.Message)}[/]");
            return ExitCodes.CannotRun;
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            // Access denied, missing permissions, a service-side refusal while preparing the run.
            console.MarkupLine($"[red]DynamoDB refused a request while preparing the run: {Markup.Escape(e.ErrorCode ?? "")} {Markup.Escape(e.Message)}[/]");
            return ExitCodes.CannotRun;
        }
        catch (Amazon.Runtime.AmazonClientException e)
        {
            // Credentials missing, endpoint unresolvable: the run cannot be carried out.
            console.MarkupLine($"[red]The AWS SDK could not carry out a request: {Markup.Escape(e.Message)}[/]");
            return ExitCodes.CannotRun;
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> DispatchAsync(string[] args, IAnsiConsole console, CancellationToken stop)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            console.WriteLine(Overview());
            return args.Length == 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
        }

        if (args[0] == "--version")
        {
            console.WriteLine(typeof(LoadLabApp).Assembly.GetName().Version?.ToString() ?? "0.0.0");
            return ExitCodes.Ok;
        }

        var spec = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (spec is null)
        {
            string? close = NameSuggestions.Closest(args[0], Commands.Select(c => c.Name));
            throw new InvalidInputException($"Unknown command '{args[0]}'." + (close is null ? "" : $" Did you mean '{close}'?") + "\n\n" + Overview());
        }

        var rest = args.Skip(1).ToArray();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            console.WriteLine(spec.Usage());
            return ExitCodes.Ok;
        }

        // compare takes one file instead of two in its baseline forms.
        var parsed = ArgumentParser.Parse(rest, spec == CompareCommand.Spec ? CompareCommand.SpecFor(rest) : spec);
        return spec.Name switch
        {
            "run" => await RunCommand.ExecuteAsync(parsed, console, stop).ConfigureAwait(false),
            "local" => await LocalCommand.ExecuteAsync(parsed, console, stop).ConfigureAwait(false),
            "compare" => CompareCommand.Execute(parsed, console),
            "report" => await ReportCommand.ExecuteAsync(parsed, console, stop).ConfigureAwait(false),
            "plan" => await PlanCommand.ExecuteAsync(parsed, console).ConfigureAwait(false),
            "merge" => await MergeCommand.ExecuteAsync(parsed, console, stop).ConfigureAwait(false),
            "seed" => await SeedCommand.ExecuteAsync(parsed, console, stop).ConfigureAwait(false),
            "teardown" => await TeardownCommand.ExecuteAsync(parsed, console, stop).ConfigureAwait(false),
            _ => ExitCodes.InvalidInput,
        };
    }

    private static string Overview() =>
        "LoadLab — load tests and performance checks for DynamoDB table designs.\n\n" +
        "Usage: loadlab COMMAND [options]\n\nCommands:\n" +
        string.Join("\n", Commands.Select(c => $"  {c.Name,-8} {c.Summary}")) +
        "\n\nRun 'loadlab COMMAND --help' for a command's options.";
}
