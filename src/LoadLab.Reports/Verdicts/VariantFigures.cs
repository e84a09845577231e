using HdrHistogram;
using LoadLab.Core.Outcomes;
using LoadLab.Core.Recording;
using LoadLab.Core.Results;

namespace LoadLab.Reports.Verdicts;

/// <summary>
/// The judged figures of one variant, per operation and for the whole run: point values from the totals (through the
/// same definitions the run reports use) and bootstrap replicates from the measured seconds.
/// </summary>
internal sealed class VariantFigures(string name, RunResult result, bool pairedTraffic = false)
{
    private static readonly string[] ErrorOutcomes = [.. OutcomeKinds.All.Where(k => k.IsError()).Select(k => k.JsonName())];

    public string Name { get; } = name;

    public RunResult Result { get; } = result;

    public (ScenarioResult Scenario, OperationResult Operation)? Find(string scenario, string operation)
    {
        var s = Result.Scenarios.FirstOrDefault(x => x.Name == scenario);
        var o = s?.Operations.FirstOrDefault(x => x.Name == operation);
        return s is null || o is null || o.Completed == 0 ? null : (s, o);
    }

    /// <summary>Bootstrap replicates of a count-based figure, or none when the designs replayed the same traffic (DesignJudge.PairedSimulations).</summary>
    private double[]? Unpaired(double[]? replicates) => pairedTraffic ? null : replicates;

    /// <summary>Throttled and failed (client, server, timeout, network) operations; condition failures are answers, not failures.</summary>
    public static long Failed(OperationResult op) => op.Count("throttled") + ErrorOutcomes.Sum(op.Count);

    public Estimate Goodput(string scenario, string operation) => Find(scenario, operation) is not var (s, o) ? Estimate.None
        : new Estimate(Throughput.Goodput(o, s), Unpaired(Ratio(s, o, x => x.Ok, x => x.Length, 1, "goodput")), SecondsShortfall(s, o));

    public Estimate FailureRate(string scenario, string operation) => Find(scenario, operation) is not var (s, o) ? Estimate.None
        : new Estimate(100.0 * Failed(o) / o.Completed, Unpaired(Ratio(s, o, x => x.Failed, x => x.Completed, 100, "failures")), SecondsShortfall(s, o));

    public Estimate ThrottleRate(string scenario, string operation) => Find(scenario, operation) is not var (s, o) ? Estimate.None
        : new Estimate(100.0 * o.Count("throttled") / o.Completed, Unpaired(Ratio(s, o, x => x.Throttled, x => x.Completed, 100, "throttles")), SecondsShortfall(s, o));

    /// <summary>Ok-latency percentiles (100 = max); replicates for the percentiles, never for the max (one sample decides it).</summary>
    public IReadOnlyList<Estimate> Latency(string scenario, string operation, IReadOnlyList<double> percentiles)
    {
        if (Find(scenario, operation) is not var (s, o) || o.Count("ok") == 0)
            return [.. percentiles.Select(_ => Estimate.None)];
        var histogram = o.OkLatencyHistogram is { } encoded ? HistogramCodec.Decode(encoded) : null;
        var bootstrapped = percentiles.Where(p => p < 100).ToList();
        var replicates = SecondFigures.Percentiles(MeasuredSecond.Of(s, o, latency: true), bootstrapped, SecondFigures.Seed(Name, scenario, operation, "latency"));
        long ok = o.Count("ok");
        return [.. percentiles.Select(p =>
        {
            double? value = histogram is not null ? LatencyScale.ToMilliseconds(p >= 100 ? histogram.GetMaxValue() : histogram.GetValueAtPercentile(p)) : Stored(o.OkLatency, p);
            string? shortfall = p >= 100 ? "the maximum is a single operation: not judged"
                : ok < Noise.MinSamples(p) ? $"{SecondFigures.Label(p)} needs {Noise.MinSamples(p):N0} successful operations in each design"
                : replicates is null ? "no per-second latency to judge the noise" : null;
            return new Estimate(value, p >= 100 || replicates is null ? null : replicates[bootstrapped.IndexOf(p)], shortfall);
        })];
    }

    public Estimate AttemptsPerCall(string scenario, string operation) => Find(scenario, operation) is not var (_, o) ? Estimate.None
        : new Estimate((double)o.Attempts / o.Completed, null, o.Completed < Noise.MinOperations ? $"fewer than {Noise.MinOperations} operations" : null);

    /// <summary>Successful operations per second of every scenario together.</summary>
    public Estimate RunGoodput()
    {
        var seconds = MeasuredSecond.Of(Result);
        double value = Result.Scenarios.Sum(s => s.Operations.Sum(o => Throughput.Goodput(o, s)));
        // Scenarios run side by side, so the ok operations of one second, summed over them, are the run's rate in that second.
        return new Estimate(value, Unpaired(SecondFigures.Ratio(seconds, x => x.Ok, x => x.Length, 1, SecondFigures.Seed(Name, "run", "goodput"))),
            seconds.Count < Noise.MinSeconds ? "too few measured seconds" : null);
    }

    public Estimate RunFailureRate()
    {
        long completed = Result.Scenarios.Sum(s => s.Operations.Sum(o => o.Completed));
        if (completed == 0)
            return Estimate.None;
        var seconds = MeasuredSecond.Of(Result);
        return new Estimate(100.0 * Result.Scenarios.Sum(s => s.Operations.Sum(Failed)) / completed,
            Unpaired(SecondFigures.Ratio(seconds, x => x.Failed, x => x.Completed, 100, SecondFigures.Seed(Name, "run", "failures"))),
            seconds.Count < Noise.MinSeconds ? "too few measured seconds" : null);
    }

    /// <summary>Own-mode dollars per million operations served (throttled ones cost nothing and serve nothing).</summary>
    public Estimate CostPerMillion()
    {
        if (Result.Cost is not { Tables.Count: > 0 } cost)
            return Estimate.None;
        long served = cost.Tables.Sum(t => t.Operations);
        return served == 0 ? Estimate.None
            : new Estimate(cost.Tables.Sum(t => t.OwnMode.Usd) / served * 1_000_000, null, served < Noise.MinOperations ? $"fewer than {Noise.MinOperations} operations served" : null);
    }

    public Estimate CostPerHour() => Result.Cost is not { Tables.Count: > 0 } cost ? Estimate.None
        : new Estimate(cost.OwnModeUsdPerHour, null, cost.Tables.Sum(t => t.Operations) < Noise.MinOperations ? $"fewer than {Noise.MinOperations} operations served" : null);

    private double[]? Ratio(ScenarioResult s, OperationResult o, Func<MeasuredSecond, double> numerator, Func<MeasuredSecond, double> denominator, double scale, string figure) =>
        SecondFigures.Ratio(MeasuredSecond.Of(s, o, latency: false), numerator, denominator, scale, SecondFigures.Seed(Name, s.Name, o.Name, figure));

    private static string? SecondsShortfall(ScenarioResult s, OperationResult o) =>
        MeasuredSecond.Of(s, o, latency: false).Count < Noise.MinSeconds ? "too few measured seconds" : null;

    private static double? Stored(LatencySummary summary, double percentile) => percentile switch
    {
        50 => summary.P50Ms,
        90 => summary.P90Ms,
        99 => summary.P99Ms,
        99.9 => summary.P999Ms,
        >= 100 => summary.MaxMs,
        _ => null,
    };
}
