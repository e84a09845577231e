using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Running;
using LoadLab.Runner.Target;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab simulate SUITE.yaml</c>: the run's options that make sense without a target, mapped once onto <see cref="RunOptions"/>.</summary>
internal sealed class SimulateSettings : SuiteSettings
{
    private RunOptions? options;

    [CommandOption("--out <DIR>")]
    [Description("report folder (default reports/<run-id>/)")]
    public string? Out { get; init; }

    [CommandOption("--duration-scale <F>")]
    [Description("multiply every phase duration by F, e.g. 0.1 for a quick look")]
    public string? DurationScale { get; init; }

    [CommandOption("--seed <N>")]
    [Description("seed for data, key choice, service times and retry jitter (overrides the suite's)")]
    public string? Seed { get; init; }

    [CommandOption("--plain")]
    [Description("plain progress lines (a simulation always prints lines; kept so scripts can pass the run's options)")]
    public bool Plain { get; init; }

    [CommandOption("--preset <NAME>")]
    [Description("capacity simulator preset: documented (default), optimistic or legacy-no-adaptive")]
    public string? Preset { get; init; }

    [CommandOption("--simulator <NAME=VALUE,…>")]
    [Description("capacity simulator parameters, over the suite's simulator.overrides, e.g. burstSeconds=0,onDemandPeakLag=2m")]
    public string? Simulator { get; init; }

    [CommandOption("--prices <LIST>")]
    [Description(PriceOptions.Usage)]
    public string? Prices { get; init; }

    public RunOptions Options => Validated(options);

    protected override void Check(List<string> errors)
    {
        base.Check(errors);
        if (Out is { } folder && string.IsNullOrWhiteSpace(folder))
            errors.Add("--out is empty: name a folder for the reports");
        options = new RunOptions
        {
            SuitePath = SuitePath,
            Environment = Environment,
            OutDirectory = Out,
            DurationScale = OptionValues.DurationScale(DurationScale, errors),
            Seed = OptionValues.Seed(Seed, errors),
            Plain = Plain,
            Simulator = SimulatorSetup.ParseOptions(Preset, Simulator, errors),
            PriceOverrides = PriceOptions.Parse(Prices, errors),
        };
    }

    /// <summary>The reports go to --out, or under reports/: either must be a folder that can be written.</summary>
    public override void CheckFiles(List<string> errors)
    {
        base.CheckFiles(errors);
        PathChecks.OutputFolder(Out ?? "reports", Out is null ? "the report folder" : "--out", errors);
    }
}
