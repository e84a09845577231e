using System.ComponentModel;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab teardown SUITE.yaml</c>.</summary>
internal sealed class TeardownSettings : TargetSettings
{
    private RunOptions? options;

    [CommandOption("--include-kept")]
    [Description("also delete tables marked keep: true")]
    public bool IncludeKept { get; init; }

    public RunOptions Options => Validated(options);

    protected override void Check(List<string> errors)
    {
        base.Check(errors);
        options = TargetOptions(new SafetyOptions { IncludeKept = IncludeKept });
    }
}
