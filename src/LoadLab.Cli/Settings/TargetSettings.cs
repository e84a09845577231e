using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary>What seed, teardown and run share: where the tables are, and the switches of the safety guards they all obey.</summary>
internal abstract class TargetSettings : SuiteSettings
{
    private Uri? endpoint;
    private string? region;

    [CommandOption("--endpoint <URL>")]
    [Description("an existing DynamoDB endpoint (DynamoDB Local, the one loadlab local prints, AWS) instead of the environment's")]
    public string? Endpoint { get; init; }

    [CommandOption("--region <NAME>")]
    [Description("AWS region (default: the environment's, else us-east-1)")]
    public string? Region { get; init; }

    [CommandOption("--yes")]
    [Description("confirm destructive actions (teardown, re-seeding a kept table) without asking; needed when not on a terminal")]
    public bool Yes { get; init; }

    [CommandOption("--show-account")]
    [Description("show the AWS account id in the console and the reports")]
    public bool ShowAccount { get; init; }

    protected override void Check(List<string> errors)
    {
        base.Check(errors);
        endpoint = OptionValues.Endpoint(Endpoint, errors);
        region = OptionValues.Region(Region, errors);
    }

    /// <summary>The options every command that reaches a target takes; each command adds its own.</summary>
    protected RunOptions TargetOptions(SafetyOptions safety) => new()
    {
        SuitePath = SuitePath,
        Environment = Environment,
        Endpoint = endpoint,
        Region = region ?? "us-east-1",
        RegionGiven = region is not null,
        Safety = safety with { Yes = Yes, ShowAccount = ShowAccount },
    };
}
