using Spectre.Console;

namespace LoadLab.IntegrationTests.Support;

/// <summary>A non-interactive console that records what the CLI printed.</summary>
internal sealed class TestConsole
{
    private readonly StringWriter writer = new();

    public TestConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        Console.Profile.Width = 200;
    }

    public IAnsiConsole Console { get; }

    public string Output => writer.ToString();
}
