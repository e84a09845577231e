using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Suites;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab plan SUITE.yaml</c>: what shapes the plan, and nothing that reaches a target.</summary>
internal sealed class PlanSettings : SuiteSettings
{
    private SuiteLoadOptions? load;

    [CommandOption("--duration-scale <F>")]
    [Description("multiply every phase duration by F")]
    public string? DurationScale { get; init; }

    [CommandOption("--seed <N>")]
    [Description("seed for data and key choice (overrides the suite's)")]
    public string? Seed { get; init; }

    /// <summary>How the suite is loaded for the plan.</summary>
    public SuiteLoadOptions LoadOptions => Validated(load);

    protected override void Check(List<string> errors)
    {
        base.Check(errors);
        load = new SuiteLoadOptions
        {
            RunId = "plan",
            DurationScale = OptionValues.DurationScale(DurationScale, errors),
            SeedOverride = OptionValues.Seed(Seed, errors),
            EnvironmentOverride = Environment,
        };
    }
}
