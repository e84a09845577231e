using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab dashboard SUITE.yaml [--env E] [--region R] [--out FILE]</c>.</summary>
internal sealed class DashboardSettings : SuiteSettings
{
    [CommandOption("--region <NAME>")]
    [Description("the tables' region (default: the environment's region when written out, else us-east-1); needed when environments.yaml reads it from ssm:")]
    public string? Region { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("the dashboard body file (default: <suite>-<env>.dashboard.json in the current folder)")]
    public string? Out { get; init; }

    protected override void Check(List<string> errors)
    {
        base.Check(errors);
        if (Region is { } region && (string.IsNullOrWhiteSpace(region) || region.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-'))))
            errors.Add($"--region '{region}' is not a region name, e.g. eu-west-1");
        if (Out is { } file && string.IsNullOrWhiteSpace(file))
            errors.Add("--out is empty: name the dashboard file");
    }

    public override void CheckFiles(List<string> errors)
    {
        base.CheckFiles(errors);
        if (Out is { } file)
        {
            if (Directory.Exists(file))
                errors.Add($"--out '{file}' is a folder; name a file");
            else if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
                PathChecks.OutputFolder(folder, "--out's folder", errors);
        }
    }
}
