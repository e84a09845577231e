using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary>What plan, seed, teardown and run share: the suite file and the environment it is resolved for.</summary>
internal abstract class SuiteSettings : LoadLabSettings
{
    [CommandArgument(0, "<SUITE.yaml>")]
    [Description("the suite file")]
    public string SuitePath { get; init; } = "";

    [CommandOption("--env <NAME>")]
    [Description("local (default: the embedded local DynamoDB), dev, staging or prod; decides the table prefix and the target")]
    public string? Env { get; init; }

    /// <summary>--env once checked; null leaves the environment to the suite.</summary>
    public string? Environment { get; private set; }

    protected override void Check(List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(SuitePath))
            errors.Add("the suite path is empty: name a suite file, e.g. scenarios/quickstart.yaml");
        Environment = OptionValues.Environment(Env, errors);
    }

    public override void CheckFiles(List<string> errors) => PathChecks.InputFile(SuitePath, "suite file", errors);
}
