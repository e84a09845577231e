using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab seed SUITE.yaml</c>.</summary>
internal sealed class SeedSettings : TargetSettings
{
    private RunOptions? options;

    [CommandOption("--seed <N>")]
    [Description("seed for the data (overrides the suite's)")]
    public string? Seed { get; init; }

    public RunOptions Options => Validated(options);

    protected override void Check(List<string> errors)
    {
        base.Check(errors);
        options = TargetOptions(SafetyOptions.Default) with { Seed = OptionValues.Seed(Seed, errors) };
    }
}
