using LoadLab.Runner.Safety;
using Spectre.Console;

namespace LoadLab.Cli.Console;

/// <summary>A yes/no prompt on the console (default no); interactive only when input and output are a terminal.</summary>
internal sealed class ConsoleConfirmation(IAnsiConsole console) : IConfirmation
{
    public bool IsInteractive => console.Profile.Capabilities.Interactive && !System.Console.IsInputRedirected && !System.Console.IsOutputRedirected;

    public bool Confirm(string question) => console.Confirm(question, defaultValue: false);
}
