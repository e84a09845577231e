using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Init;
using LoadLab.Cli.Settings;
using Spectre.Console;

namespace LoadLab.Cli.Commands;

/// <summary><c>loadlab init [DIR]</c>: writes a suite with budgets, its environments file and a CI workflow.</summary>
internal sealed class InitCommand(CommandConsole console) : LoadLabCommand<InitSettings>(console)
{
    protected override Task<int> RunAsync(InitSettings settings, CancellationToken stop)
    {
        // The settings' file checks already refused existing files without --force; the writer checks again, as a
        // file may have appeared since, and still writes nothing then.
        var written = ScaffoldWriter.Write(settings.TargetDirectory, Scaffold.Files(Scaffold.PackageVersion), settings.Force);
        foreach (string path in written)
            Console.MarkupLine($"Wrote [bold]{Markup.Escape(Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), path))}[/]");
        string suite = Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), Path.Combine(settings.TargetDirectory, Scaffold.SuitePath));
        Info($"Next: loadlab plan {suite}, then loadlab run {suite} --duration-scale 0.2 for a 10-second smoke run.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
