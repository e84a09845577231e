using LoadLab.Cli.Console;
using Spectre.Console;

namespace LoadLab.Cli.Running;

/// <summary>Console messages of a run: info lines, warnings and the progress display.</summary>
internal sealed class RunReporter(IAnsiConsole console, RunProgress progress)
{
    public RunProgress Progress { get; } = progress;

    public void Info(string message) => console.MarkupLine($"[grey]·[/] {Markup.Escape(message)}");

    public void Warn(string message) => console.MarkupLine($"[yellow]![/] {Markup.Escape(message)}");
}
