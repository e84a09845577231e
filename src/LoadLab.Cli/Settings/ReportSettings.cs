using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab report RESULTS.json [--out DIR]</c>.</summary>
internal sealed class ReportSettings : LoadLabSettings
{
    [CommandArgument(0, "<RESULTS.json>")]
    [Description("the results file of a run")]
    public string ResultsPath { get; init; } = "";

    [CommandOption("--out <DIR>")]
    [Description("folder to write into (default: the results file's folder)")]
    public string? Out { get; init; }

    /// <summary>--out, or the folder the results file is in.</summary>
    public string OutDirectory => Out ?? Path.GetDirectoryName(Path.GetFullPath(ResultsPath)) ?? ".";

    protected override void Check(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(ResultsPath))
            errors.Add("the results path is empty: name a results.json");
        if (Out is { } folder && string.IsNullOrWhiteSpace(folder))
            errors.Add("--out is empty: name a folder for the reports");
    }

    public override void CheckFiles(List<string> errors)
    {
        PathChecks.InputFile(ResultsPath, "results file", errors);
        if (errors.Count == 0)
            PathChecks.OutputFolder(OutDirectory, Out is null ? "the results file's folder" : "--out", errors);
    }
}
