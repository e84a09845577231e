using LoadLab.Cli;
using LoadLab.Cli.CommandLine;
using Spectre.Console;

// Logs and CI consoles report a width of 80 or none; the summary table needs more to stay readable.
if (Console.IsOutputRedirected)
    AnsiConsole.Profile.Width = 200;

// An exception on another thread would otherwise end the process with the runtime's stack trace and exit 134.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
    Environment.Exit(LastResort.Report(e.ExceptionObject as Exception ?? new InvalidOperationException(e.ExceptionObject?.ToString()), args, AnsiConsole.Console));

return await LoadLabApp.RunAsync(args, AnsiConsole.Console).ConfigureAwait(false);
