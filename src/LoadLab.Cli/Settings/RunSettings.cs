using System.ComponentModel;
using LoadLab.Cli.CommandLine;
using LoadLab.Runner.Running;
using LoadLab.Runner.Safety;
using LoadLab.Runner.Target;
using Spectre.Console.Cli;

namespace LoadLab.Cli.Settings;

/// <summary><c>loadlab run SUITE.yaml</c>: every option, mapped once onto <see cref="RunOptions"/>.</summary>
internal sealed partial class RunSettings : TargetSettings
{
    private RunOptions? options;

    [CommandOption("--out <DIR>")]
    [Description("report folder (default reports/<run-id>/)")]
    public string? Out { get; init; }

    [CommandOption("--duration-scale <F>")]
    [Description("multiply every phase duration by F, e.g. 0.1 for a smoke run")]
    public string? DurationScale { get; init; }

    [CommandOption("--seed <N>")]
    [Description("seed for data and key choice (overrides the suite's)")]
    public string? Seed { get; init; }

    [CommandOption("--plain")]
    [Description("plain progress lines instead of the live table")]
    public bool Plain { get; init; }

    [CommandOption("--preset <NAME>")]
    [Description("capacity simulator preset for local runs: documented (default), optimistic or legacy-no-adaptive")]
    public string? Preset { get; init; }

    [CommandOption("--simulator <NAME=VALUE,…>")]
    [Description("capacity simulator parameters for local runs, over the suite's simulator.overrides, e.g. burstSeconds=0,onDemandPeakLag=2m")]
    public string? Simulator { get; init; }

    [CommandOption("--shard <i/N>")]
    [Description("run as shard i of N (0-based): 1/N of every phase's rate or workers; merge the shards with loadlab merge")]
    public string? Shard { get; init; }

    [CommandOption("--start-at <TIME>")]
    [Description("start the load at this UTC time (ISO 8601), to align the shards of a run")]
    public string? StartAt { get; init; }

    [CommandOption("--run-group <ID>")]
    [Description("name shared by the shards of one run (default: the --start-at time)")]
    public string? RunGroup { get; init; }

    [CommandOption("--prices <LIST>")]
    [Description(PriceOptions.Usage)]
    public string? Prices { get; init; }

    [CommandOption("--allow-prod")]
    [Description("allow --env prod: read operations only (get, query, scan, batchGet, transactGet); no seeding, writes, creation or teardown")]
    public bool AllowProd { get; init; }

    [CommandOption("--max-cost <USD>")]
    [Description("refuse to run when the planned on-demand cost (seeding and operations) is higher, e.g. 5")]
    public string? MaxCost { get; init; }

    [CommandOption("--teardown")]
    [Description("delete the tables this run created once it ends (tables with keep: true stay); --teardown=false leaves them")]
    public bool Teardown { get; init; }

    public RunOptions Options => Validated(options);

    protected override void Check(List<string> errors)
    {
        base.Check(errors);
        var (trace, traceRate, traceSlowMs) = CheckTracing(errors);
        CheckMetrics(errors);
        var shard = ShardOptions.Parse(Shard, StartAt, RunGroup, errors);
        if (Teardown && shard is not null)
            errors.Add("--teardown cannot be combined with --shard: one shard would delete tables the others still use; run loadlab teardown after the merge");
        if (Out is { } folder && string.IsNullOrWhiteSpace(folder))
            errors.Add("--out is empty: name a folder for the reports");
        var safety = new SafetyOptions { AllowProd = AllowProd, MaxCostDollars = OptionValues.Dollars(MaxCost, errors), Teardown = Teardown };
        options = TargetOptions(safety) with
        {
            OutDirectory = Out,
            DurationScale = OptionValues.DurationScale(DurationScale, errors),
            Seed = OptionValues.Seed(Seed, errors),
            Plain = Plain,
            Simulator = SimulatorSetup.ParseOptions(Preset, Simulator, errors),
            Shard = shard,
            Trace = trace,
            TraceRate = traceRate,
            TraceSlowMs = traceSlowMs,
            Metrics = MetricsRequested,
            MetricsInterval = MetricsIntervalRequested,
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
