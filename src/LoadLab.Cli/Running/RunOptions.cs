using LoadLab.Cli.Suites;
using LoadLab.Cli.CommandLine;

namespace LoadLab.Cli.Running;

/// <summary>Options of <c>loadlab run</c>, validated before anything starts.</summary>
internal sealed record RunOptions
{
    public required string SuitePath { get; init; }

    public string? Environment { get; init; }

    /// <summary>Use this DynamoDB endpoint instead of starting the embedded local target.</summary>
    public Uri? Endpoint { get; init; }

    public string? OutDirectory { get; init; }

    /// <summary>Factor applied to every phase duration (0.1 for a smoke run). Range 0.001–100.</summary>
    public double DurationScale { get; init; } = 1.0;

    public long? Seed { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Plain progress lines even on a terminal.</summary>
    public bool Plain { get; init; }

    public static readonly CommandSpec Spec = new(
        "run",
        "Runs a suite: provisions and seeds its tables, drives its scenarios, writes results.json and prints a summary.",
        ["SUITE.yaml"],
        [
            new("env", "NAME", "local (default: embedded dynalite), dev, staging or prod"),
            new("endpoint", "URL", "use an existing DynamoDB endpoint (DynamoDB Local, AWS) instead of the embedded one"),
            new("out", "DIR", "report folder (default reports/<run-id>/)"),
            new("duration-scale", "F", "multiply every phase duration by F, e.g. 0.1 for a smoke run"),
            new("seed", "N", "seed for data and key choice (overrides the suite's)"),
            new("region", "NAME", "AWS region (default us-east-1)"),
            new("plain", null, "plain progress lines instead of the live table"),
            new("help", null, "show this help"),
        ]);

    public static RunOptions From(ParsedArguments args)
    {
        var errors = new List<string>();
        Uri? endpoint = null;
        if (args.Value("endpoint") is { } e && (!Uri.TryCreate(e, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
            errors.Add($"--endpoint '{e}' is not an http(s) URL, e.g. http://127.0.0.1:8000");
        double scale = 1.0;
        if (args.Value("duration-scale") is { } s &&
            (!double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out scale) || scale < 0.001 || scale > 100))
            errors.Add($"--duration-scale '{s}' must be a number from 0.001 to 100, e.g. 0.1");
        long? seed = null;
        if (args.Value("seed") is { } n)
        {
            if (long.TryParse(n, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long parsed)) seed = parsed;
            else errors.Add($"--seed '{n}' must be a whole number");
        }

        string? env = args.Value("env");
        if (env is not null && !SuiteValues.Environments.Contains(env))
            errors.Add($"--env '{env}' is not an environment; use one of {string.Join(", ", SuiteValues.Environments)}." + Suggestions.DidYouMean(env, SuiteValues.Environments));

        if (errors.Count > 0)
            throw new UserFacingException(ExitCodes.InvalidInput, "loadlab run: " + string.Join("\n  ", errors));
        return new RunOptions
        {
            SuitePath = args.Positionals[0],
            Environment = env,
            Endpoint = endpoint,
            OutDirectory = args.Value("out"),
            DurationScale = scale,
            Seed = seed,
            Region = args.Value("region") ?? "us-east-1",
            Plain = args.Has("plain"),
        };
    }
}
