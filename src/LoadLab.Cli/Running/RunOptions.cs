using LoadLab.Cli.Suites;
using LoadLab.Cli.CommandLine;
using LoadLab.Tracing;

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

    /// <summary>True when --region was given: it then wins over the environment's region.</summary>
    public bool RegionGiven { get; init; }

    /// <summary>--allow-prod, --yes, --max-cost, --show-account, --teardown (Safety/).</summary>
    public Safety.SafetyOptions Safety { get; init; } = Cli.Safety.SafetyOptions.Default;

    /// <summary>Capacity simulator preset and overrides for local runs.</summary>
    public SimulatorOptions Simulator { get; init; } = SimulatorOptions.Default;

    /// <summary>Set when this process is one shard of a sharded run.</summary>
    public ShardOptions? Shard { get; init; }

    /// <summary>Plain progress lines even on a terminal.</summary>
    public bool Plain { get; init; }

    /// <summary>X-Ray tracing of operations: off, xray (daemon over UDP) or otlp; null leaves it to the suite (off by default).</summary>
    public TraceMode? Trace { get; init; }

    /// <summary>Share of operations traced beyond the first of each second; null keeps the default.</summary>
    public double? TraceRate { get; init; }

    /// <summary>Operations at least this slow are always traced; null keeps the default.</summary>
    public int? TraceSlowMs { get; init; }

    /// <summary>Prices of the cost estimate (--prices); §6 defaults.</summary>
    public Core.Cost.CostPrices Prices { get; init; } = Core.Cost.CostPrices.Default;

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
            Cli.Safety.SafetyOptions.AllowProdOption,
            Cli.Safety.SafetyOptions.MaxCostOption,
            Cli.Safety.SafetyOptions.YesOption,
            Cli.Safety.SafetyOptions.ShowAccountOption,
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
            errors.Add($"--env '{env}' is not an environment; use one of {string.Join(", ", SuiteValues.Environments)}." + Suggestions.DidYouMean(env, SuiteValues.Environments));

        var (trace, traceRate, traceSlowMs) = ParseTracing(args, errors);
        var simulator = SimulatorSetup.ParseOptions(args.Value("preset"), args.Value("simulator"), errors);
        var shard = ShardOptions.Parse(args.Value("shard"), args.Value("start-at"), args.Value("run-group"), errors);
        var prices = PriceOptions.Parse(args.Value("prices"), errors);
        var safety = Cli.Safety.SafetyOptions.Parse(args, errors);
        if (safety.Teardown && shard is not null)
            errors.Add("--teardown cannot be combined with --shard: one shard would delete tables the others still use; run loadlab teardown after the merge");
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
            RegionGiven = args.Has("region"),
            Safety = safety,
            Plain = args.Has("plain"),
            Simulator = simulator,
            Shard = shard,
            Trace = trace,
            TraceRate = traceRate,
            TraceSlowMs = traceSlowMs,
            Prices = prices,
        };
    }

    private static (TraceMode? Mode, double? Rate, int? SlowMs) ParseTracing(ParsedArguments args, List<string> errors)
    {
        var mode = TraceMode.Off;
        bool given = args.Value("trace") is not null;
        bool badMode = args.Value("trace") is { } t && !TraceModes.TryParse(t, out mode);
        if (badMode)
            errors.Add($"--trace '{args.Value("trace")}' is not a trace mode; use one of {string.Join(", ", TraceModes.Names)}." + Suggestions.DidYouMean(args.Value("trace")!, TraceModes.Names));
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
