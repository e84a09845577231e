using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab merge DIR… [--out DIR] [--suite FILE]</c>.</summary>
internal sealed class MergeSettings : LoadLabSettings
{
    [CommandArgument(0, "<DIR|RESULTS.json>")]
    [Description("each shard's folder (its --out) or results.json, one per shard")]
    public string[] Inputs { get; init; } = [];

    [CommandOption("--out <DIR>")]
    [Description("folder for the merged reports (default reports/<run-group>-merged)")]
    public string? Out { get; init; }

    [CommandOption("--suite <FILE>")]
    [Description("suite whose budgets to check (default: the suite file recorded in the results, if present)")]
    public string? Suite { get; init; }

    protected override void Check(List<string> errors)
    {
        if (Inputs.Any(string.IsNullOrWhiteSpace))
            errors.Add("an input path is empty: name each shard's folder or results.json");
        if (Out is { } folder && string.IsNullOrWhiteSpace(folder))
            errors.Add("--out is empty: name a folder for the merged reports");
    }

    public override void CheckFiles(List<string> errors)
    {
        foreach (string input in Inputs)
        {
            if (!Directory.Exists(input) && !File.Exists(input))
                errors.Add($"the input '{input}' does not exist (looked at {Path.GetFullPath(input)})");
        }

        if (Suite is not null)
            PathChecks.InputFile(Suite, "suite file", errors);
        // The default folder is named after the run group, which only the inputs tell: its parent is checked instead.
        PathChecks.OutputFolder(Out ?? "reports", Out is null ? "the reports folder" : "--out", errors);
    }
}
