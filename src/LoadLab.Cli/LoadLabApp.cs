using System.Runtime.InteropServices;
using LoadLab.Cli.CommandLine;
using LoadLab.Core.Errors;
using LoadLab.DynamoDb.LocalTarget;
using LoadLab.Reports.Exporters;
using LoadLab.Runner.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LoadLab.Cli;

/// <summary>
/// Entry point logic, callable in-process by tests: runs the command, wires Ctrl+C and SIGTERM to a graceful stop,
/// and turns every failure into one message and an exit code — an expected one into its own message, anything else
/// into one line and a log file (<see cref="LastResort"/>). Never a stack trace on the console.
/// </summary>
public static class LoadLabApp
{
    /// <summary>Every command with its options, as the executable declares them.</summary>
    internal static IReadOnlyList<CommandEntry> Commands => CommandCatalog.All;

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
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/]");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (Expected(e, args) is { } failure)
        {
            console.MarkupLine($"[red]{Markup.Escape(failure.Message)}[/]");
            return failure.ExitCode;
        }
        catch (Exception e)
        {
            return LastResort.Report(e, args, console);
        }
        finally
        {
            System.Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> DispatchAsync(string[] args, IAnsiConsole console, CancellationToken stop)
    {
        // No command at all is a usage error (exit 2), though it shows the same overview as --help.
        bool noCommand = args.Length == 0;
        if (noCommand || args[0] == "help")
            args = ["--help"];
        else if (!args[0].StartsWith('-') && CommandCatalog.Find(args[0]) is null)
            throw UsageErrors.UnknownCommand(args[0]);
        UsageErrors.CheckTokens(args);

        int exit = await CommandCatalog.Create(console).RunAsync(args, stop).ConfigureAwait(false);
        return noCommand ? ExitCodes.InvalidInput : exit;
    }

    /// <summary>A failure LoadLab expects and explains itself: its message and exit code; null for anything else.</summary>
    private static (string Message, int ExitCode)? Expected(Exception e, string[] args) => e switch
    {
        // Spectre's parse, binding and validation failures; its configuration errors are bugs, left to the last resort.
        CommandParseException or CommandRuntimeException => (UsageErrors.From((CommandAppException)e, args).Message, ExitCodes.InvalidInput),
        SuiteLoadException or InvalidInputException => (e.Message, ExitCodes.InvalidInput),
        CannotRunException or LocalTargetException => (e.Message, ExitCodes.CannotRun),
        LoadLab.DynamoDb.Seeding.SeedingIncompleteException => ($"Seeding failed: {e.Message}", ExitCodes.CannotRun),
        // Reports that could not all be written: the message says which were and how to rebuild the rest.
        ReportExportException => (e.Message, ExitCodes.CannotRun),
        // Access denied, missing permissions, a service-side refusal while preparing the run.
        Amazon.Runtime.AmazonServiceException service => ($"DynamoDB refused a request while preparing the run: {service.ErrorCode ?? ""} {service.Message}", ExitCodes.CannotRun),
        // Credentials missing, endpoint unresolvable: the run cannot be carried out.
        Amazon.Runtime.AmazonClientException => ($"The AWS SDK could not carry out a request: {e.Message}", ExitCodes.CannotRun),
        _ => null,
    };
}
