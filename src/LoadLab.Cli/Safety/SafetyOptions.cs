using System.Globalization;
using LoadLab.Cli.CommandLine;

namespace LoadLab.Cli.Safety;

/// <summary>The command-line switches of the safety guards, shared by run, seed and teardown.</summary>
internal sealed record SafetyOptions
{
    public static readonly SafetyOptions Default = new();

    /// <summary>Allow --env prod; even then only read operations run there.</summary>
    public bool AllowProd { get; init; }

    /// <summary>Confirms destructive actions without asking (needed when not on a terminal).</summary>
    public bool Yes { get; init; }

    /// <summary>Refuse a run whose planned on-demand cost is higher, in US dollars; null for no limit.</summary>
    public double? MaxCostDollars { get; init; }

    /// <summary>Put the AWS account id into the reports (otherwise it never appears).</summary>
    public bool ShowAccount { get; init; }

    /// <summary>run --teardown: delete the tables this run created once it ends (except keep: true).</summary>
    public bool Teardown { get; init; }

    /// <summary>teardown --include-kept: also delete LoadLab's tables marked keep: true.</summary>
    public bool IncludeKept { get; init; }

    public static OptionSpec AllowProdOption { get; } = new("allow-prod", null, "allow --env prod: read operations only (get, query, scan, batchGet, transactGet); no seeding, writes, creation or teardown");
    public static OptionSpec YesOption { get; } = new("yes", null, "confirm destructive actions (teardown, re-seeding a kept table) without asking; needed when not on a terminal");
    public static OptionSpec MaxCostOption { get; } = new("max-cost", "USD", "refuse to run when the planned on-demand cost (seeding and operations) is higher, e.g. 5");
    public static OptionSpec ShowAccountOption { get; } = new("show-account", null, "show the AWS account id in the console and the reports");

    public static SafetyOptions Parse(CommandLine.ParsedArguments args, List<string> errors)
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
}
