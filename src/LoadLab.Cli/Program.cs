using LoadLab.Cli;
using Spectre.Console;

// Logs and CI consoles report a width of 80 or none; the summary table needs more to stay readable.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 200;

return await LoadLabApp.RunAsync(args, AnsiConsole.Console).ConfigureAwait(false);
