using LoadLab.Cli.Console;
using System.Globalization;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Safety;

namespace LoadLab.Cli.Commands;

/// <summary>The command-line switches of the safety guards, shared by run, seed and teardown.</summary>
internal static class SafetyArguments
{
    public static OptionSpec AllowProdOption { get; } = new("allow-prod", null, "allow --env prod: read operations only (get, query, scan, batchGet, transactGet); no seeding, writes, creation or teardown");
    public static OptionSpec YesOption { get; } = new("yes", null, "confirm destructive actions (teardown, re-seeding a kept table) without asking; needed when not on a terminal");
    public static OptionSpec MaxCostOption { get; } = new("max-cost", "USD", "refuse to run when the planned on-demand cost (seeding and operations) is higher, e.g. 5");
    public static OptionSpec ShowAccountOption { get; } = new("show-account", null, "show the AWS account id in the console and the reports");

    public static SafetyOptions Parse(ParsedArguments args, List<string> errors)
    {
        double? maxCost = null;
        if (args.Value("max-cost") is { } text)
        {
            if (double.TryParse(text.TrimStart('$'), NumberStyles.Float, CultureInfo.InvariantCulture, out double dollars) && double.IsFinite(dollars) && dollars >= 0)
                maxCost = dollars;
            else
                errors.Add($"--max-cost '{text}' must be an amount of US dollars of 0 or more, e.g. 5 or 0.50");
        }

        return new SafetyOptions
        {
            AllowProd = args.Has("allow-prod"),
            Yes = args.Has("yes"),
            MaxCostDollars = maxCost,
            ShowAccount = args.Has("show-account"),
            Teardown = args.Has("teardown"),
            IncludeKept = args.Has("include-kept"),
        };
    }

    /// <summary>The options of seed and teardown: where they act, <paramref name="own"/>, then the safety options.</summary>
    public static IReadOnlyList<OptionSpec> TableCommandOptions(params OptionSpec[] own) =>
    [
        new("env", "NAME", "local (needs --endpoint), dev or staging"),
        new("endpoint", "URL", "DynamoDB endpoint, e.g. the one loadlab local prints"),
        new("region", "NAME", "AWS region (default: the environment's, else us-east-1)"),
        .. own,
        YesOption,
        ShowAccountOption,
        new("help", null, "show this help"),
    ];
}
