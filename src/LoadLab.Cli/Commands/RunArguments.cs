using LoadLab.Cli.Console;
using LoadLab.Cli.CommandLine;
using LoadLab.Core.Errors;
using LoadLab.Core.Text;
using LoadLab.Runner.Running;
using LoadLab.Runner.Suites;
using LoadLab.Runner.Target;
using LoadLab.Tracing;

namespace LoadLab.Cli.Commands;

/// <summary>The options of <c>loadlab run</c> as typed, turned into <see cref="RunOptions"/>.</summary>
internal static class RunArguments
{
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
            new("preset", "NAME", "capacity simulator preset for local runs: documented (default), optimistic or legacy-no-adaptive"),
            new("simulator", "NAME=VALUE,…", "capacity simulator parameters for local runs, over the suite's simulator.overrides, e.g. burstSeconds=0,onDemandPeakLag=2m"),
            new("shard", "i/N", "run as shard i of N (0-based): 1/N of every phase's rate or workers; merge the shards with loadlab merge"),
            new("start-at", "TIME", "start the load at this UTC time (ISO 8601), to align the shards of a run"),
            new("run-group", "ID", "name shared by the shards of one run (default: the --start-at time)"),
            new("trace", "MODE", "trace operations: off (default, or the suite's tracing.mode), xray (X-Ray daemon, AWS_XRAY_DAEMON_ADDRESS) or otlp (OTEL_EXPORTER_OTLP_ENDPOINT)"),
            new("trace-rate", "F", "share of operations traced besides the first each second, 0-1 (default 0.01)"),
            new("trace-slow-ms", "N", "always trace operations at least N ms slow (default 100)"),
            new("prices", "LIST", PriceOptions.Usage),
            SafetyArguments.AllowProdOption,
            SafetyArguments.MaxCostOption,
            SafetyArguments.YesOption,
            SafetyArguments.ShowAccountOption,
            new("teardown", null, "delete the tables this run created once it ends (tables with keep: true stay)"),
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
            errors.Add($"--env '{env}' is not an environment; use one of {string.Join(", ", SuiteValues.Environments)}." + NameSuggestions.DidYouMean(env, SuiteValues.Environments));

        var (trace, traceRate, traceSlowMs) = ParseTracing(args, errors);
        var simulator = SimulatorSetup.ParseOptions(args.Value("preset"), args.Value("simulator"), errors);
        var shard = ShardOptions.Parse(args.Value("shard"), args.Value("start-at"), args.Value("run-group"), errors);
        var prices = PriceOptions.Parse(args.Value("prices"), errors);
        var safety = SafetyArguments.Parse(args, errors);
        if (safety.Teardown && shard is not null)
            errors.Add("--teardown cannot be combined with --shard: one shard would delete tables the others still use; run loadlab teardown after the merge");
        if (errors.Count > 0)
            throw new InvalidInputException("loadlab run: " + string.Join("\n  ", errors));
        return new RunOptions
        {
            SuitePath = args.Positionals[0],
            Environment = env,
            Endpoint = endpoint,
            OutDirectory = args.Value("out"),
            DurationScale = scale,
            Seed = seed,
            Region = args.Value("region") ?? "us-east-1",
            RegionGiven = args.Has("region"),
            Safety = safety,
            Plain = args.Has("plain"),
            Simulator = simulator,
            Shard = shard,
            Trace = trace,
            TraceRate = traceRate,
            TraceSlowMs = traceSlowMs,
            PriceOverrides = prices,
        };
    }

    private static (TraceMode? Mode, double? Rate, int? SlowMs) ParseTracing(ParsedArguments args, List<string> errors)
    {
        var mode = TraceMode.Off;
        bool given = args.Value("trace") is not null;
        bool badMode = args.Value("trace") is { } t && !TraceModes.TryParse(t, out mode);
        if (badMode)
            errors.Add($"--trace '{args.Value("trace")}' is not a trace mode; use one of {string.Join(", ", TraceModes.Names)}." + NameSuggestions.DidYouMean(args.Value("trace")!, TraceModes.Names));
        double? rate = null;
        if (args.Value("trace-rate") is { } r)
        {
            if (double.TryParse(r, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double parsed) && parsed is >= 0 and <= 1) rate = parsed;
            else errors.Add($"--trace-rate '{r}' must be a number from 0 to 1, e.g. 0.01 for 1 %");
        }

        int? slow = null;
        if (args.Value("trace-slow-ms") is { } n)
        {
            if (int.TryParse(n, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int parsed) && parsed is >= 1 and <= 3_600_000) slow = parsed;
            else errors.Add($"--trace-slow-ms '{n}' must be a whole number of milliseconds from 1 to 3600000, e.g. 100");
        }

        // With tracing left to the suite, TracingSettings checks that it ends up on.
        if (given && !badMode && mode == TraceMode.Off && (rate is not null || slow is not null))
            errors.Add("--trace-rate and --trace-slow-ms need tracing on: add --trace xray or --trace otlp");
        return (given && !badMode ? mode : null, rate, slow);
    }
}
