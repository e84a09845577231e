using LoadLab.Core.Engine;
using LoadLab.Runner.Running;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>A run's messages on the console: info lines, warnings and the progress display.</summary>
internal sealed class ConsoleRunReporter(IAnsiConsole console, RunProgress progress) : IRunReporter
{
    public void Info(string message) => console.MarkupLine($"[grey]·[/] {Markup.Escape(message)}");

    public void Warn(string message) => console.MarkupLine($"[yellow]![/] {Markup.Escape(message)}");

    public void OnInterval(LiveSnapshot snapshot) => progress.OnInterval(snapshot);

    public Task<T> ShowWhileAsync<T>(Func<Task<T>> work) => progress.ShowWhileAsync(work);
}
