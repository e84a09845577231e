using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using LoadLab.Cli.Init;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab init [DIR] [--force]</c>.</summary>
internal sealed class InitSettings : LoadLabSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("the folder to scaffold into, usually the root of your repository (default: the current folder)")]
    public string? Directory { get; init; }

    [CommandOption("--force")]
    [Description("overwrite files that already exist")]
    public bool Force { get; init; }

    public string TargetDirectory => string.IsNullOrWhiteSpace(Directory) ? "." : Directory;

    protected override void Check(List<string> errors)
    {
        if (Directory is { } dir && string.IsNullOrWhiteSpace(dir))
            errors.Add("the folder is empty: name a folder, or leave it out for the current one");
    }

    /// <summary>Every file that exists is named at once, so one answer (--force or another folder) settles them all.</summary>
    public override void CheckFiles(List<string> errors)
    {
        if (File.Exists(TargetDirectory))
        {
            errors.Add($"{TargetDirectory} is a file, not a folder");
            return;
        }

        var conflicts = ScaffoldWriter.Conflicts(TargetDirectory, Scaffold.Files(Scaffold.PackageVersion));
        foreach (string folder in conflicts.Where(System.IO.Directory.Exists))
            errors.Add($"{folder} is a folder where init writes a file; move it away");
        if (!Force)
        {
            foreach (string file in conflicts.Where(File.Exists))
                errors.Add($"{file} exists; nothing was written (add --force to overwrite it)");
        }

        if (errors.Count == 0)
            PathChecks.OutputFolder(TargetDirectory, "the folder", errors);
    }
}
