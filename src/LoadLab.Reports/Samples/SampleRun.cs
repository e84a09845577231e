using LoadLab.Core.Results;

namespace LoadLab.Reports.Samples;

/// <summary>
/// A synthetic but realistic RunResult, deterministic for a seed: log-normal latencies recorded
/// into real HdrHistograms per interval, a ramp, a stall that shows coordinated-omission
/// correction, a hot-key throttle burst, a few errors and drops, and budgets that pass and fail.
/// For report previews, tests and benchmarks of the exporters; never mistaken for a measurement
/// (the suite is marked "sample" and the target kind is "sample").
/// </summary>
public static partial class SampleRun
{
    public static readonly DateTimeOffset StartedAt = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static RunResult Create(SampleRunOptions? options = null)
    {
        options ??= new SampleRunOptions();
        if (options.Intervals < 1) throw new ArgumentOutOfRangeException(nameof(options), "At least one interval.");
        var random = new Random(options.Seed);
        var scenarios = options.Scenarios.Select(s => Scenario(s, options.Intervals, random)).ToArray();
        var result = new RunResult
        {
            Run = new RunInfo
            {
                RunId = $"{options.Suite}-20261126T120000Z-sample",
                Suite = options.Suite,
                SuiteFile = "scenarios/" + options.Suite + ".yaml",
                Environment = "local",
                Seed = options.Seed,
                StartedAt = StartedAt,
                EndedAt = StartedAt.AddSeconds(options.Intervals + 1),
                DurationSeconds = options.Intervals,
                DurationScale = 1,
                Interrupted = false,
                Machine = new MachineInfo("Linux 6.1 (sample)", "X64", 2, ".NET 10.0.0", "0.1.0"),
                Target = new TargetInfo("sample", "http://127.0.0.1:8000", "us-east-1", "4.1.0", "4.1.0", "Standard", 3),
            },
            Scenarios = scenarios,
            Seeding = [new SeedSummary("local_" + options.Scenarios[0].Table, "order", 50_000, 2_000, 3, 12.5)],
            Findings = Findings(scenarios),
        };
        return result with { Budgets = Budgets(result) };
    }

    private static ScenarioResult Scenario(SampleScenario plan, int intervals, Random random)
    {
        var shape = new RunShape(intervals);
        var operations = plan.Operations.Select(op => Operation(op, shape, random)).ToArray();
        var series = new ScenarioInterval[intervals];
        for (int i = 0; i < intervals; i++)
        {
            double target = plan.Operations.Sum(op => op.OpsPerSecond * shape.RampFactor(i));
            long completed = operations.Sum(o => o.Series[i].Completed);
            long dropped = operations.Sum(o => o.DroppedAt[i]);
            series[i] = new ScenarioInterval(
                i, 1, shape.Phase(i), Math.Round(target, 3), completed + dropped, completed, dropped,
                shape.IsStall(i) ? 180 : Math.Round(0.2 + (random.NextDouble() * 0.6), 3), shape.IsStall(i) ? 64 : (int)Math.Ceiling(target * 0.01));
        }

        long scheduled = operations.Sum(o => o.Result.Scheduled);
        var scenario = new ScenarioResult
        {
            Name = plan.Name,
            Table = plan.Table,
            Phases = [FormattableString.Invariant($"ramp 0→{plan.Operations.Sum(o => o.OpsPerSecond):0}/s over {shape.RampIntervals}s"), FormattableString.Invariant($"rate {plan.Operations.Sum(o => o.OpsPerSecond):0}/s for {intervals - shape.RampIntervals}s")],
            MaxInFlight = 64,
            WhenFull = "drop",
            DurationSeconds = intervals,
            TargetOperations = Math.Round(series.Sum(p => p.TargetOps), 3),
            AchievedOpsPerSecond = 0,
            Scheduled = scheduled,
            Dropped = operations.Sum(o => o.Result.Dropped),
            Cancelled = 0,
            Warmup = new WarmupCounts(3, 150, 150),
            StartLateness = new LatencySummary(scheduled, 2.1, 0.4, 0.9, 12, 180, 240),
            Operations = operations.Select(o => o.Result).ToArray(),
            Series = series,
        };
        // The engine's one definition of ops/s, so the sample's figures agree across every report.
        return scenario with
        {
            AchievedOpsPerSecond = Throughput.Achieved(scenario),
            Operations = [.. scenario.Operations.Select(o => o with { AchievedOpsPerSecond = Throughput.Achieved(o, scenario) })],
        };
    }

    private static IReadOnlyList<string> Findings(IEnumerable<ScenarioResult> scenarios)
    {
        var findings = new List<string>();
        foreach (var s in scenarios)
        {
            if (s.Dropped > 0)
                findings.Add(FormattableString.Invariant($"{s.Name}: {s.Dropped} arrivals were dropped because {s.MaxInFlight} operations were already in flight (whenFull: drop)."));
            long throttledAttempts = s.Operations.Sum(o => o.ThrottledAttempts);
            if (throttledAttempts > 0)
                findings.Add(FormattableString.Invariant($"{s.Name}: {throttledAttempts} attempts were throttled; {s.Operations.Sum(o => o.Count("throttled"))} operations still ended throttled after the SDK's retries."));
        }

        return findings;
    }

    /// <summary>Where the run's events fall: a ramp, a stall (the target froze) and a throttle burst.</summary>
    private readonly record struct RunShape(int Intervals)
    {
        public int RampIntervals => Math.Max(1, Intervals / 10);

        public double RampFactor(int i) => i >= RampIntervals ? 1 : (i + 1.0) / RampIntervals;

        public bool IsStall(int i) => i == Intervals * 4 / 10;

        public bool IsBurst(int i) => i >= Intervals / 2 && i < (Intervals / 2) + Math.Max(2, Intervals / 8);

        public string Phase(int i) => i < RampIntervals ? "ramp" : "rate";
    }
}
