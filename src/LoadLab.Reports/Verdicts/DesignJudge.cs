using LoadLab.Reports.Charts;
using LoadLab.Reports.Text;

namespace LoadLab.Reports.Verdicts;

/// <summary>
/// Judges designs (a suite's variants, or two runs for <c>loadlab compare</c>) like an engineer would: goodput and
/// failure rate first, then the latency of successful operations, then cost. A design that fails more never wins
/// latency or cost (failures are fast and free), and a value is marked better only when the difference is larger than
/// the noise (<see cref="Noise"/>). The one implementation of these rules: every comparison output calls it.
/// </summary>
public static class DesignJudge
{
    public static IReadOnlyList<double> DefaultPercentiles { get; } = [50, 95, 99, 99.9];

    private static readonly Direction LowerLatency = new(true, Noise.LatencyEffectReached);
    private static readonly Direction LowerRate = new(true, Noise.RateEffect);
    private static readonly Direction HigherGoodput = new(false, (a, b) => Noise.Relative(a, b, Noise.GoodputEffect));
    private static readonly Direction LowerRatio = new(true, (a, b) => Noise.Relative(a, b, Noise.RatioEffect));

    /// <param name="percentiles">Latency percentiles of successful operations to compare (100 = max, shown but never judged).</param>
    public static Judgement Judge(IReadOnlyList<VariantRun> variants, IReadOnlyList<double>? percentiles = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        percentiles ??= DefaultPercentiles;
        bool paired = PairedSimulations(variants);
        var figures = variants.Select(v => new VariantFigures(v.Name, v.Result, paired)).ToList();
        var names = figures.Select(f => f.Name).ToList();
        var rows = new List<JudgedRow>();

        var runFailure = figures.Select(f => f.RunFailureRate()).ToList();
        var runGoodput = figures.Select(f => f.RunGoodput()).ToList();
        var runFailsMore = FailsMore(runFailure);
        rows.Add(Ranked("run", "goodput (successful ops/s)", "ops/s", runGoodput, HigherGoodput));
        rows.Add(WithWorse(Ranked("run", "failure rate (throttled + errors)", "%", runFailure, LowerRate), runFailure, LowerRate, names));

        var latency = new List<OperationLatency>();
        foreach (var (scenario, operation) in Operations(variants))
            rows.AddRange(OperationRows(figures, scenario, operation, percentiles, latency));

        rows.AddRange(HotKeyRows(variants));
        var costPerMillion = figures.Select(f => f.CostPerMillion()).ToList();
        rows.AddRange(CostRows(variants, figures, costPerMillion, runFailsMore, runFailure));

        var verdict = HeadlineRule.Decide(names, runFailure, runGoodput, latency, costPerMillion);
        return new Judgement(names, verdict, rows, Warnings(variants));
    }

    /// <summary>Variants whose failure rate is clearly higher than another's: they win nothing else.</summary>
    internal static HashSet<int> FailsMore(IReadOnlyList<Estimate> failure)
    {
        var worse = new HashSet<int>();
        for (int i = 0; i < failure.Count; i++)
        {
            for (int j = 0; j < failure.Count; j++)
            {
                if (i != j && Ranking.Clearly(failure[j], failure[i], LowerRate))
                    worse.Add(i);
            }
        }

        return worse;
    }

    private static IEnumerable<(string Scenario, string Operation)> Operations(IReadOnlyList<VariantRun> variants) =>
        variants.SelectMany(v => v.Result.Scenarios.SelectMany(s => s.Operations.Select(o => (s.Name, o.Name)))).Distinct();

    private static IEnumerable<JudgedRow> OperationRows(
        List<VariantFigures> figures, string scenario, string operation, IReadOnlyList<double> percentiles, List<OperationLatency> latency)
    {
        string group = scenario + "/" + operation;
        var found = figures.Select(f => f.Find(scenario, operation)).ToList();
        IReadOnlyList<double?> Values(Func<Core.Results.OperationResult, double> pick) => [.. found.Select(x => x is var (_, o) ? pick(o) : (double?)null)];
        var failure = figures.Select(f => f.FailureRate(scenario, operation)).ToList();
        var failsMore = FailsMore(failure);

        yield return Descriptive(group, "operations completed", "", Values(o => o.Completed));
        yield return Ranked(group, "goodput (successful ops/s)", "ops/s", [.. figures.Select(f => f.Goodput(scenario, operation))], HigherGoodput);
        var names = figures.Select(f => f.Name).ToList();
        yield return WithWorse(Ranked(group, "failure rate (throttled + errors)", "%", failure, LowerRate), failure, LowerRate, names);
        var throttled = figures.Select(f => f.ThrottleRate(scenario, operation)).ToList();
        yield return WithWorse(Ranked(group, "throttled (after retries)", "%", throttled, LowerRate), throttled, LowerRate, names);
        yield return Descriptive(group, "throttle events per call (attempts + unprocessed items)", "", Values(o => (double)o.ThrottleEvents / o.Completed));

        var estimates = figures.Select(f => f.Latency(scenario, operation, percentiles)).ToList();
        for (int p = 0; p < percentiles.Count; p++)
        {
            var row = Ranked(group, SecondFigures.Label(percentiles[p]) + " (ok)", "ms", [.. estimates.Select(e => e[p])], LowerLatency);
            yield return Gate(row, failsMore, failure, figures);
        }

        latency.Add(new OperationLatency(group, percentiles, estimates, failsMore));
        foreach (var outcome in new[] { "throttled", "conditionFailed" })
        {
            var p99 = Values(o => o.LatencyByOutcome?.GetValueOrDefault(outcome)?.P99Ms ?? double.NaN);
            if (p99.Any(v => v is { } x && double.IsFinite(x)))
                yield return Descriptive(group, "p99 (" + outcome + ")", "ms", [.. p99.Select(v => v is { } x && double.IsFinite(x) ? v : null)]);
        }

        yield return Gate(Ranked(group, "attempts per call", "", [.. figures.Select(f => f.AttemptsPerCall(scenario, operation))], LowerRatio), failsMore, failure, figures);
        yield return Descriptive(group, "read units", "", Values(o => o.ReadUnits));
        yield return Descriptive(group, "write units", "", Values(o => o.WriteUnits));
    }

    /// <summary>The simulator's throttled partition keys of the measured window, per variant (each has its own table, so keys compare by rank).</summary>
    private static IEnumerable<JudgedRow> HotKeyRows(IReadOnlyList<VariantRun> variants)
    {
        var keys = variants.Select(v => HotKeys.Of(v.Result)).ToList();
        if (keys.All(k => k is null))
            yield break;
        yield return Descriptive("hot keys", "throttle events of the hottest partition key", "", [.. keys.Select(k => k is null ? (double?)null : k.Count == 0 ? 0 : k[0].ThrottleEvents)]);
        yield return Descriptive("hot keys", "share of the table's throttle events on it", "%", [.. variants.Select(v => HotKeys.TopShare(v.Result))]);
        yield return Descriptive("hot keys", "partition keys throttled (top list)", "", [.. keys.Select(k => k is null ? (double?)null : k.Count)]);
    }

    private static IEnumerable<JudgedRow> CostRows(
        IReadOnlyList<VariantRun> variants, List<VariantFigures> figures, List<Estimate> perMillion, HashSet<int> failsMore, List<Estimate> failure)
    {
        var costs = variants.Select(v => v.Result.Cost).ToList();
        if (costs.All(c => c is null))
            yield break;
        IReadOnlyList<double?> Values(Func<Core.Results.RunCost, double?> pick) => [.. costs.Select(c => c is null || c.Tables.Count == 0 ? null : pick(c))];
        yield return Gate(Ranked("cost", "own mode, $ per million operations served", "$", perMillion, LowerRatio), failsMore, failure, figures);
        yield return Gate(Ranked("cost", "own mode, $ per hour at the measured rate", "$", [.. figures.Select(f => f.CostPerHour())], LowerRatio), failsMore, failure, figures);
        yield return Descriptive("cost", "own mode, $ for the run", "$", Values(c => c.OwnModeUsd));
        // What-if prices describe a mode the variant does not run in; ranking one against another compares nothing real.
        yield return new JudgedRow("cost", "what if: other mode, $ per hour", "$", Values(c => c.Tables.Sum(t => t.OtherMode.UsdPerHour)), RowKind.WhatIf, null, false);
        yield return new JudgedRow("cost", "what if: other mode, $ per million operations", "$",
            Values(c => c.Tables.Sum(t => t.Operations) is > 0 and var n ? c.Tables.Sum(t => t.OtherMode.Usd) / n * 1_000_000 : null), RowKind.WhatIf, null, false);
    }

    private static JudgedRow Ranked(string group, string metric, string unit, IReadOnlyList<Estimate> estimates, Direction direction)
    {
        var best = Ranking.Best(estimates, direction);
        string? note = best is null ? Shortfall(estimates) : null;
        return new JudgedRow(group, metric, unit, [.. estimates.Select(e => e.Value)], RowKind.Ranked, best, best is not null, note);
    }

    /// <summary>
    /// A row without a single best value (two designs tie at the best) may still have designs clearly worse than
    /// another: "no clear difference" would hide a design that fails where the others do not, so they are named.
    /// </summary>
    private static JudgedRow WithWorse(JudgedRow row, IReadOnlyList<Estimate> estimates, Direction direction, IReadOnlyList<string> names)
    {
        if (row.Better is not null || row.Note is not null)
            return row;
        var worse = Enumerable.Range(0, estimates.Count)
            .Where(i => Enumerable.Range(0, estimates.Count).Any(j => j != i && Ranking.Clearly(estimates[j], estimates[i], direction)))
            .Select(i => names[i]).ToList();
        return worse.Count == 0 ? row : row with { Significant = true, Note = string.Join(", ", worse) + " clearly worse" };
    }

    private static JudgedRow Descriptive(string group, string metric, string unit, IReadOnlyList<double?> values) =>
        new(group, metric, unit, values, RowKind.Descriptive, null, false);

    /// <summary>A better latency, cost or attempts value is not credited to a design that fails more.</summary>
    private static JudgedRow Gate(JudgedRow row, HashSet<int> failsMore, IReadOnlyList<Estimate> failure, IReadOnlyList<VariantFigures> figures)
    {
        if (row.Better is not { } best || !failsMore.Contains(best))
            return row;
        var lowest = failure.Select((e, i) => (e.Value, i)).Where(x => x.Value is not null).MinBy(x => x.Value!.Value);
        return row with
        {
            Better = null,
            Note = $"{figures[best].Name} is ahead here but fails more ({Pct(failure[best].Value)} against {Pct(lowest.Value)} for {figures[lowest.i].Name}): failures are fast and free, so not credited",
        };
    }

    private static string? Shortfall(IReadOnlyList<Estimate> estimates) =>
        estimates.Where(e => e.Value is not null).Select(e => e.Shortfall).FirstOrDefault(s => s is not null);

    private static string Pct(double? value) => value is { } v ? ReportNumbers.Number(v) + " %" : "–";

    /// <summary>
    /// Simulations with one seed replay the same arrivals, keys and items for every design: what differs in failures,
    /// throttles and goodput is the designs' doing, not the noise a bootstrap over seconds guards against (a throttle
    /// storm of ten minutes in a simulated day is real, not a chance block of seconds). Latency stays bootstrapped:
    /// service times are drawn.
    /// </summary>
    internal static bool PairedSimulations(IReadOnlyList<VariantRun> variants) =>
        variants.Count > 1 && variants.All(v => v.Result.Run.Simulation is not null) && variants.Select(v => v.Result.Run.Seed).Distinct().Count() == 1;

    private static IReadOnlyList<string> Warnings(IReadOnlyList<VariantRun> variants)
    {
        var warnings = new List<string>();
        var simulated = variants.Where(v => v.Result.Run.Simulation is not null).Select(v => v.Name).ToList();
        if (simulated.Count > 0 && simulated.Count < variants.Count)
            warnings.Add($"{string.Join(", ", simulated)} {(simulated.Count == 1 ? "is a simulation" : "are simulations")} and the others were measured: simulated latencies are modelled, so compare units, throttles and failures, not latency.");
        if (PairedSimulations(variants))
            warnings.Add("Simulated on virtual time with one seed: every design saw the same arrivals, keys and items, so failures, throttles and goodput are judged on effect size alone (no bootstrap); latencies are modelled and bootstrapped as usual.");
        foreach (var v in variants.Where(v => v.Result.Run.Interrupted))
            warnings.Add($"{v.Name} was interrupted: its results are partial.");
        if (variants.Select(v => v.Result.Run.DurationScale).Distinct().Count() > 1)
            warnings.Add("The runs used different --duration-scale values: ramps and phases differ, so throughput and tails may too.");
        if (variants.Select(v => v.Result.Run.Suite).Distinct(StringComparer.Ordinal).Count() > 1)
            warnings.Add("The runs come from different suites; only operations with the same scenario and name are compared.");
        return warnings;
    }
}

/// <summary>One operation's ok-latency estimates per variant, for the headline's latency step.</summary>
internal sealed record OperationLatency(string Group, IReadOnlyList<double> Percentiles, IReadOnlyList<IReadOnlyList<Estimate>> ByVariant, HashSet<int> FailsMore);
