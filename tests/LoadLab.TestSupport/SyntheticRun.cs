using HdrHistogram;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.TestSupport;

/// <summary>
/// One second of one operation: the corrected latencies that completed in it and how many of them were throttled or
/// failed — the last <see cref="Throttled"/> + <see cref="Errors"/> values are the failed ones.
/// </summary>
public sealed record Second(long[] Micros, int Throttled = 0, int Errors = 0)
{
    /// <summary>Nothing completed: the target stalled, or (with <see cref="Shape.Paused"/>) no load was applied.</summary>
    public static Second None { get; } = new([]);

    /// <summary><paramref name="count"/> operations of <paramref name="micros"/> µs each.</summary>
    public static Second Of(int count, long micros, int throttled = 0, int errors = 0) =>
        new([.. Enumerable.Repeat(micros, count)], throttled, errors);
}

/// <summary>How a scenario's seconds were driven: leading warm-up seconds (load, nothing measured) and pause seconds (no load).</summary>
public sealed record Shape(int WarmupSeconds = 0, params int[] Paused);

/// <summary>
/// Builds RunResults the way the engine does — per-second interval histograms encoded with
/// HistogramCodec, a cumulative histogram, summaries from it — so evaluation is tested on the real format.
/// </summary>
public static class SyntheticRun
{
    public static RunResult Create(params ScenarioResult[] scenarios) => new()
    {
        Run = new RunInfo
        {
            RunId = "test-run",
            Suite = "test",
            Environment = "local",
            Seed = 42,
            StartedAt = DateTimeOffset.UnixEpoch,
            EndedAt = DateTimeOffset.UnixEpoch,
            DurationSeconds = scenarios.Select(s => s.DurationSeconds).DefaultIfEmpty(0).Max(),
            DurationScale = 1,
            Interrupted = false,
            Machine = new MachineInfo("test", "x64", 2, ".NET", "0.0.0"),
            Target = new TargetInfo("local", null, "us-east-1", "4", "4", "standard", 3),
        },
        Scenarios = scenarios,
    };

    public static ScenarioResult Scenario(string name, params OperationResult[] operations) => Scenario(name, new Shape(), operations);

    /// <summary>
    /// A scenario whose operations all cover the same seconds. Warm-up seconds come first and, as the
    /// engine records them, have arrivals but no measured completions (pass <see cref="Second.None"/> for them).
    /// </summary>
    public static ScenarioResult Scenario(string name, Shape shape, params OperationResult[] operations)
    {
        int warmupSeconds = shape.WarmupSeconds;
        int seconds = operations.Select(o => o.Series.Count).DefaultIfEmpty(0).Max();
        var series = new List<ScenarioInterval>();
        for (int i = 0; i < seconds; i++)
        {
            bool paused = shape.Paused.Contains(i);
            long completed = operations.Sum(o => o.Series[i].Completed);
            series.Add(new ScenarioInterval(i, 1, paused ? "pause" : "rate", paused ? 0 : Math.Max(completed, 1), completed, completed, 0, 0, 0));
        }
        long total = operations.Sum(o => o.Completed);
        return new ScenarioResult
        {
            Name = name,
            Table = "local_T",
            Phases = ["rate"],
            MaxInFlight = 64,
            WhenFull = "queue",
            DurationSeconds = seconds,
            TargetOperations = total,
            AchievedOpsPerSecond = total / Math.Max(seconds - warmupSeconds, 1e-9),
            Scheduled = total,
            Dropped = 0,
            Cancelled = 0,
            Warmup = new WarmupCounts(warmupSeconds, 0, 0),
            StartLateness = LatencySummary.Empty,
            Operations = operations,
            Series = series,
        };
    }

    /// <summary>An operation with one series point per second, starting at second 0.</summary>
    public static OperationResult Operation(string name, params Second[] seconds)
    {
        var cumulative = LatencyScale.NewHistogram();
        var okCumulative = LatencyScale.NewHistogram();
        var series = new List<OperationInterval>();
        long ok = 0, throttled = 0, errors = 0;
        for (int i = 0; i < seconds.Length; i++)
        {
            var second = seconds[i];
            var interval = LatencyScale.NewHistogram();
            var okInterval = LatencyScale.NewHistogram();
            foreach (long micros in second.Micros)
                interval.RecordValue(micros);
            foreach (long micros in second.Micros.Take(second.Micros.Length - second.Throttled - second.Errors))
                okInterval.RecordValue(micros);
            cumulative.Add(interval);
            okCumulative.Add(okInterval);
            long completed = second.Micros.Length;
            ok += completed - second.Throttled - second.Errors;
            throttled += second.Throttled;
            errors += second.Errors;
            series.Add(new OperationInterval(
                i, 1, completed, completed - second.Throttled - second.Errors, second.Throttled, second.Errors,
                P(interval, 50), P(interval, 99), P(interval, 100), P(interval, 50), P(interval, 99),
                completed == 0 ? null : HistogramCodec.Encode(interval),
                okInterval.TotalCount == 0 || okInterval.TotalCount == completed ? null : HistogramCodec.Encode(okInterval)));
        }
        var outcomes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        if (ok > 0) outcomes["ok"] = ok;
        if (throttled > 0) outcomes["throttled"] = throttled;
        if (errors > 0) outcomes["clientError"] = errors;
        var summary = LatencySummary.From(cumulative);
        return new OperationResult
        {
            Name = name,
            Scheduled = cumulative.TotalCount,
            Completed = cumulative.TotalCount,
            Outcomes = outcomes,
            ThrottleReasons = new Dictionary<string, long>(),
            ErrorCodes = new Dictionary<string, long>(),
            Dropped = 0,
            Cancelled = 0,
            Latency = summary,
            ServiceTime = summary,
            OkLatency = LatencySummary.From(okCumulative),
            OkLatencyHistogram = okCumulative.TotalCount == 0 ? null : HistogramCodec.Encode(okCumulative),
            Attempts = cumulative.TotalCount,
            ThrottledAttempts = throttled,
            ReadUnits = 0,
            WriteUnits = 0,
            LatencyHistogram = HistogramCodec.Encode(cumulative),
            ServiceTimeHistogram = HistogramCodec.Encode(cumulative),
            Series = series,
        };
    }

    /// <summary>Seconds of load at a steady <paramref name="perSecond"/> operations of <paramref name="micros"/> µs.</summary>
    public static Second[] Steady(int seconds, int perSecond, long micros) =>
        [.. Enumerable.Range(0, seconds).Select(_ => Second.Of(perSecond, micros))];

    /// <summary>The same percentile the evaluator must find, computed directly from raw values.</summary>
    public static double Expected(IEnumerable<long> micros, double percentile)
    {
        var h = LatencyScale.NewHistogram();
        foreach (long m in micros)
            h.RecordValue(m);
        return LatencyScale.ToMilliseconds(h.GetValueAtPercentile(percentile));
    }

    private static double P(HistogramBase h, double percentile) =>
        h.TotalCount == 0 ? 0 : LatencyScale.ToMilliseconds(h.GetValueAtPercentile(percentile));
}
