using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Running;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab plan SUITE.yaml</c>: what shapes the plan, and nothing that reaches a target.</summary>
internal sealed class PlanSettings : SuiteSettings
{
    private RunOptions? options;

    [CommandOption("--duration-scale <F>")]
    [Description("multiply every phase duration by F")]
    public string? DurationScale { get; init; }

    [CommandOption("--seed <N>")]
    [Description("seed for data and key choice (overrides the suite's)")]
    public string? Seed { get; init; }

    [CommandOption("--prices <LIST>")]
    [Description(PriceOptions.Usage)]
    public string? Prices { get; init; }

    /// <summary>What the plan resolves, as a run would (no target, no guards).</summary>
    public RunOptions Options => Validated(options);

    protected override void Check(List<string> errors)
    {
        base.Check(errors);
        options = new RunOptions
        {
            SuitePath = SuitePath,
            Environment = Environment,
            DurationScale = OptionValues.DurationScale(DurationScale, errors),
            Seed = OptionValues.Seed(Seed, errors),
            PriceOverrides = PriceOptions.Parse(Prices, errors),
        };
    }
}
