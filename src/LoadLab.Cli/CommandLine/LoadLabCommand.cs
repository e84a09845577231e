using LoadLab.Core.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LoadLab.Cli.CommandLine;

/// <summary>
/// The base of every command: refuses options the command does not have (with a suggestion), checks the files the
/// settings name before anything runs, and turns Ctrl+C that reaches it into exit code 130.
/// </summary>
internal abstract class LoadLabCommand<TSettings>(CommandConsole console) : AsyncCommand<TSettings>
    where TSettings : LoadLabSettings
{
    protected IAnsiConsole Console { get; } = console.Console;

    public override ValidationResult Validate(CommandContext context, TSettings settings) => UsageErrors.CheckRemaining(context);

    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var problems = new List<string>();
        settings.CheckFiles(problems);
        if (problems.Count > 0)
            throw new InvalidInputException(UsageErrors.Prefix(context.Name) + string.Join("\n  ", problems));
        try
        {
            return await RunAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.MarkupLine("[yellow]Interrupted.[/]");
            return ExitCodes.Interrupted;
        }
    }

    protected abstract Task<int> RunAsync(TSettings settings, CancellationToken stop);

    protected void Info(string message) => Console.MarkupLine($"[grey]·[/] {Markup.Escape(message)}");
}
